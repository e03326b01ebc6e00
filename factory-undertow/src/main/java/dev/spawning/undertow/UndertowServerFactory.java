package dev.spawning.undertow;

import dev.spawning.factory.FactoryException;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Server;
import dev.spawning.factory.ServerFactory;
import dev.spawning.factory.Settings;
import dev.spawning.factory.server.AccessLog;
import dev.spawning.factory.server.ServerSettings;

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
 */
@FactoryProvider(name = "undertow", description = "HTTP/1.1 on Undertow core; apps run on virtual threads")
public final class UndertowServerFactory implements ServerFactory {

    /** Public because ServiceLoader needs it. */
    public UndertowServerFactory() {
    }

    /**
     * Validates the section now, so a bad value fails when the deployment is loaded. {@code debug}
     * may come from the global conf, where Paste Deploy puts it; the section's own value wins.
     */
    @Override
    public Server create(Settings globalConf, Settings localConf) {
        return new UndertowServer(ServerSettings.from(globalConf, localConf), Clocks.SYSTEM);
    }

    /**
     * A server for these settings, for embedding without a deployment file.
     *
     * @throws FactoryException when the access log format is bad
     */
    public static Server server(ServerSettings settings) {
        AccessLog.compile(settings.accessLogFormat());
        return new UndertowServer(settings, Clocks.SYSTEM);
    }
}
