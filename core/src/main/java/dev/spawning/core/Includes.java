package dev.spawning.core;

import dev.spawning.core.ConfigFile.Option;
import dev.spawning.core.ConfigFile.Section;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files a deployment may read ({@link Deployment#files}), found from their text: every value
 * of every section (and of {@code [DEFAULT]}), interpolated, that is a {@code config:} URI, and
 * each entry of a {@code pipeline} that is one, names a file, whose values are read the same way.
 * Nothing is built and no class is loaded, so a file reached only by a composite's mapping or by a
 * section the app does not use is found too: a superset of what one load reads. Stateless; runs
 * on the calling thread.
 */
final class Includes {

    private Includes() {
    }

    /** {@code top}'s file, then the files it names, then theirs, each once, in the order found. */
    static List<Path> of(Session session, ConfigLoader top, Conf globals) {
        Set<Path> found = new LinkedHashSet<>(List.of(top.path()));
        Deque<ConfigLoader> pending = new ArrayDeque<>(List.of(top));
        while (!pending.isEmpty()) {
            ConfigLoader loader = pending.removeFirst();
            for (Path named : named(loader)) {
                if (found.add(named)) {
                    try {
                        pending.addLast(session.loader(named, globals, Ref.caller("config:" + named)));
                    } catch (DeploymentException unreadable) {
                        // listed, not followed: a watcher sees it appear or be mended
                    }
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** The files the values of {@code loader}'s file name through {@code config:}. */
    private static List<Path> named(ConfigLoader loader) {
        List<Path> files = new ArrayList<>();
        for (Section section : loader.file().sections()) {
            for (Option option : section.options()) {
                for (String uri : uris(loader, section, option)) {
                    try {
                        files.add(Uris.configFile(uri.substring(7, fragmentAt(uri)), loader.directory()));
                    } catch (IllegalArgumentException notAPath) {
                        // a value that only looks like a config: URI (InvalidPathException, a bad %XX)
                    }
                }
            }
        }
        return files;
    }

    /** The {@code config:} URIs of one option: its whole value, or each entry of a pipeline. */
    private static List<String> uris(ConfigLoader loader, Section section, Option option) {
        String value;
        try {
            value = loader.expand(section, option).strip();
        } catch (DeploymentException uninterpolated) {
            return List.of();
        }
        List<String> candidates = option.key().equals("pipeline") ? List.of(value.split("\\s+")) : List.of(value);
        return candidates.stream().filter(c -> c.toLowerCase(Locale.ROOT).startsWith("config:")).toList();
    }

    private static int fragmentAt(String uri) {
        int hash = uri.indexOf('#');
        return hash < 0 ? uri.length() : hash;
    }
}
