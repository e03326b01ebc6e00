package dev.spawning.core.builtin;

import dev.spawning.factory.App;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.FilterAppFactory;
import dev.spawning.factory.Settings;
import java.util.List;

/**
 * {@code use = service:prefix}: mounts the next app at {@code prefix} behind a proxy, with
 * {@code translate_forwarded_server} (default true), {@code force_port} and {@code scheme}.
 */
@FactoryProvider(name = "prefix", description = "Mounts an app at a prefix behind a proxy (Paste's PrefixMiddleware)")
public final class PrefixFilterFactory implements FilterAppFactory {

    private static final List<String> KNOWN = List.of("prefix", "translate_forwarded_server", "force_port", "scheme");

    /** Public because ServiceLoader needs it. */
    public PrefixFilterFactory() {
    }

    @Override
    public App create(App next, Settings global, Settings local) {
        for (String key : local.keys()) {
            if (!KNOWN.contains(key)) {
                String prefix = local.origin(key).map(o -> o.errorPrefix()).orElse("");
                throw new FactoryException(prefix + "[" + local.section() + "] " + key
                        + " is not a setting of the prefix filter (it has " + String.join(", ", KNOWN) + ")");
            }
        }
        PrefixFilter.Options options = new PrefixFilter.Options(
                local.get("prefix", "/").replaceAll("/+$", ""),
                local.bool("translate_forwarded_server", true),
                local.get("force_port").orElse(null),
                local.get("scheme").orElse(null));
        return new PrefixFilter(next, options);
    }
}
