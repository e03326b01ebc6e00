package dev.spawning.core.builtin;

import dev.spawning.factory.App;
import dev.spawning.factory.CompositeFactory;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Loader;
import dev.spawning.factory.Settings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code use = service:cascade}: keys starting with {@code app} name the apps, tried in sorted key
 * order; {@code catch} lists the statuses that pass to the next app (default {@code 404}).
 */
@FactoryProvider(name = "cascade", description = "Tries apps in turn while they answer a caught status (Paste's cascade)")
public final class CascadeFactory implements CompositeFactory {

    /** Public because ServiceLoader needs it. */
    public CascadeFactory() {
    }

    @Override
    public App create(Loader loader, Settings global, Settings local) {
        Problems problems = new Problems();
        Set<Integer> caught = problems.read(() -> statuses(local));
        List<String> keys = appKeys(local, problems);
        problems.throwIfAny();
        if (keys.isEmpty()) {
            throw new FactoryException(Problems.at(local, null,
                    "names no app: add settings such as 'app1 = first' and 'app2 = second'"));
        }
        List<App> apps = new ArrayList<>();
        for (String key : keys) {
            apps.add(loader.app(local.require(key), global));
        }
        return new Cascade(apps, caught);
    }

    /**
     * The keys naming apps, sorted as strings as Paste sorts them ({@code app10} before
     * {@code app2}); every other key but {@code catch} is an error, in Paste's words.
     */
    private static List<String> appKeys(Settings local, Problems problems) {
        List<String> keys = new ArrayList<>();
        for (String key : local.keys()) {
            if (key.startsWith("app")) {
                keys.add(key);
            } else if (!key.equals("catch")) {
                problems.add(local, key, "Bad configuration key '" + key
                        + "' (='" + local.require(key) + "'); all configuration keys must start with 'app'");
            }
        }
        keys.sort(null);
        return keys;
    }

    private static Set<Integer> statuses(Settings local) {
        return local.value("catch", Set.of(404), "status codes separated by spaces, such as 404 405",
                CascadeFactory::parseStatuses);
    }

    private static Set<Integer> parseStatuses(String text) {
        Set<Integer> statuses = new LinkedHashSet<>();
        for (String word : text.strip().split("[\\s,]+")) {
            if (!word.matches("[1-9]\\d\\d")) {
                return null;
            }
            statuses.add(Integer.valueOf(word));
        }
        return statuses;
    }
}
