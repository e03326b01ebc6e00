package dev.spawning.core.builtin;

import dev.spawning.factory.App;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.FilterAppFactory;
import dev.spawning.factory.Settings;
import java.util.List;

/**
 * {@code use = service:prefix}: mounts the next app at {@code prefix} (default {@code /}, that is
 * none) behind a proxy, with {@code translate_forwarded_server} (default true), {@code force_port}
 * (a port, or empty to remove the port; default: the Host is left alone) and {@code scheme}
 * ({@code http} or {@code https}; default: from the request). Paste takes any text for the last
 * two; here a value no request could use is an error when the file is loaded.
 */
@FactoryProvider(name = "prefix", description = "Mounts an app at a prefix behind a proxy (Paste's PrefixMiddleware)")
public final class PrefixFilterFactory implements FilterAppFactory {

    private static final List<String> KNOWN = List.of("prefix", "translate_forwarded_server", "force_port", "scheme");

    /** Public because ServiceLoader needs it. */
    public PrefixFilterFactory() {
    }

    @Override
    public App create(App next, Settings global, Settings local) {
        Problems problems = new Problems();
        checkKeys(local, problems);
        String prefix = problems.read(() -> local.value("prefix", "", "a path starting with /, such as /app",
                PrefixFilterFactory::parsePrefix));
        Boolean translate = problems.read(() -> local.bool("translate_forwarded_server", true));
        String forcePort = problems.read(() -> local.value("force_port", null,
                "a port from 1 to 65535, or nothing to remove the port", PrefixFilterFactory::parsePort));
        String scheme = problems.read(() -> local.value("scheme", null, "http or https",
                text -> List.of("http", "https").contains(text.strip()) ? text.strip() : null));
        problems.throwIfAny();
        return new PrefixFilter(next, new PrefixFilter.Options(prefix, translate, forcePort, scheme));
    }

    private static void checkKeys(Settings local, Problems problems) {
        for (String key : local.keys()) {
            if (!KNOWN.contains(key)) {
                problems.add(local, key, key
                        + " is not a setting of the prefix filter (it has " + String.join(", ", KNOWN) + ")");
            }
        }
    }

    /** Without its trailing {@code /}, so that {@code /} (the default) is no prefix at all. */
    private static String parsePrefix(String text) {
        String prefix = text.strip();
        return prefix.isEmpty() || prefix.startsWith("/") ? prefix.replaceAll("/+$", "") : null;
    }

    private static String parsePort(String text) {
        String port = text.strip();
        return port.isEmpty() || PathExpression.isPort(port) ? port : null;
    }
}
