package dev.spawning.undertow;

import dev.spawning.factory.AccessLog;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Server;
import dev.spawning.factory.ServerFactory;
import dev.spawning.factory.ServerSettings;
import dev.spawning.factory.Settings;

/**
 * Provider {@code undertow}: serves an app over HTTP/1.1 on Undertow core. Reads the server
 * settings every provider shares ({@link ServerSettings}); nothing else.
 *
 * <pre>{@code
 * [server:main]
 * use = service:undertow
 * host = 0.0.0.0
 * port = 8080
 * access_log = -
 * }</pre>
 *
 * Embedding without a deployment file:
 *
 * <pre>{@code
 * Server server = UndertowServerFactory.server(ServerSettings.from(Settings.of(Map.of("port", "0"))));
 * server.start(request -> Response.text(200, "hello"));
 * }</pre>
 *
 * <p>One setting has a narrower range here than in the specification: {@code require_host} must
 * stay {@code true}, because Undertow 2.4 answers 400 to every HTTP/1.1 request without
 * {@code Host} before any handler runs; {@code false} is refused when the server is built rather
 * than ignored.
 */
@FactoryProvider(name = "undertow", description = "HTTP/1.1 on Undertow core; apps run on virtual threads")
public final class UndertowServerFactory implements ServerFactory {

    static final String REQUIRE_HOST_EXPECTED = "true (Undertow 2.4 answers 400 to every HTTP/1.1 request "
            + "without Host, whatever its options)";

    /** Public because ServiceLoader needs it. */
    public UndertowServerFactory() {
    }

    /**
     * Validates the section now, so a bad value fails when the deployment is loaded. {@code debug}
     * may come from the global conf, where Paste Deploy puts it; the section's own value wins.
     */
    @Override
    public Server create(Settings globalConf, Settings localConf) {
        Settings local = withGlobalDebug(globalConf, localConf);
        ServerSettings settings = ServerSettings.from(local);
        if (!settings.requireHost()) {
            throw local.invalid("require_host", REQUIRE_HOST_EXPECTED);
        }
        try {
            AccessLog.compile(settings.accessLogFormat());
        } catch (FactoryException bad) {
            throw local.invalid("access_log_format", "a format of %(name)s atoms; " + bad.getMessage());
        }
        return new UndertowServer(settings, Clocks.SYSTEM);
    }

    /**
     * A server for these settings, for embedding without a deployment file.
     *
     * @throws FactoryException when {@code require_host} is false or the access log format is bad
     */
    public static Server server(ServerSettings settings) {
        if (!settings.requireHost()) {
            throw new FactoryException("require_host = false: expected " + REQUIRE_HOST_EXPECTED);
        }
        AccessLog.compile(settings.accessLogFormat());
        return new UndertowServer(settings, Clocks.SYSTEM);
    }

    private static Settings withGlobalDebug(Settings global, Settings local) {
        if (local.contains("debug") || !global.contains("debug")) {
            return local;
        }
        return local.toBuilder().put("debug", global.require("debug"), global.origin("debug").orElse(null)).build();
    }
}
