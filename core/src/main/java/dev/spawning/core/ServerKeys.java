package dev.spawning.core;

import dev.spawning.factory.Origin;
import dev.spawning.factory.ServerFactory;
import dev.spawning.factory.Settings;
import dev.spawning.factory.server.ServerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys a {@code [server:...]} section may hold: the settings every server provider reads
 * ({@link ServerSettings#NAMES}), the controller's ({@link ServerSettings#CONTROLLER_NAMES}) and
 * those the provider declares. Any other key is a misspelling that would otherwise be ignored
 * silently (a server run with the default in its place). Stateless.
 */
final class ServerKeys {

    private ServerKeys() {
    }

    /**
     * An error for each key of {@code locals} that no one reads, such as
     * {@code Error in file F: line N: Unknown setting 'idle_timout' in [server:main]. Did you mean: idle_timeout?}.
     */
    static List<Problem> unknown(Settings locals, Set<String> providerKeys, Place place) {
        Set<String> known = new TreeSet<>(ServerSettings.NAMES);
        known.addAll(ServerSettings.CONTROLLER_NAMES);
        known.addAll(providerKeys);
        List<Problem> problems = new ArrayList<>();
        for (String key : locals.keys()) {
            if (!known.contains(key)) {
                Origin origin = locals.origin(key).orElse(place.origin());
                problems.add(Problem.error(origin, "Unknown setting '" + key + "' in [" + place.sectionName() + "]."
                        + Suggestions.didYouMean(key, known)).in(place.section(), key));
            }
        }
        return problems;
    }

    /**
     * An error when {@code locals} asks for a socket bound elsewhere ({@code bind = fd://...}) of a
     * provider that cannot serve one, which would otherwise bind {@code host} and {@code port} in
     * silence.
     */
    static List<Problem> unservedBind(Settings locals, ServerFactory factory, String provider, Place place) {
        String bind = locals.get("bind").orElse("").strip();
        if (!bind.startsWith("fd://") || factory.servesHandedSockets()) {
            return List.of();
        }
        Origin origin = locals.origin("bind").orElse(place.origin());
        return List.of(Problem.error(origin, "bind = " + bind + ": " + provider
                + " cannot serve a socket bound elsewhere; set host and port instead")
                .labelled(place.section(), "bind"));
    }
}
