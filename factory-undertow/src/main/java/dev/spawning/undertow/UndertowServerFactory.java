package dev.spawning.undertow;

import dev.spawning.factory.FactoryException;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Server;
import dev.spawning.factory.ServerFactory;
import dev.spawning.factory.Settings;
import dev.spawning.factory.server.AccessLog;
import dev.spawning.factory.server.ServerSettings;
import java.nio.channels.ServerSocketChannel;
import java.util.Objects;

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
 * With {@code bind = fd://0} instead of {@code host} and {@code port}, the server serves the
 * listening socket inherited as standard input, taken when it starts.
 *
 * <p>Embedding without a deployment file, on an address the server binds, or on a listening
 * channel bound elsewhere:
 *
 * <pre>{@code
 * Server server = UndertowServerFactory.server(ServerSettings.from(Settings.of(Map.of("port", "0"))));
 * Server handed = UndertowServerFactory.server(ServerSettings.DEFAULTS, boundChannel);
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
        return new UndertowServer(ServerSettings.from(globalConf, localConf), Clocks.SYSTEM, null);
    }

    /** As {@link #create(Settings, Settings)}, serving {@code listening} instead of binding. */
    @Override
    public Server create(Settings globalConf, Settings localConf, ServerSocketChannel listening) {
        return new UndertowServer(ServerSettings.from(globalConf, localConf), Clocks.SYSTEM,
                Objects.requireNonNull(listening, "listening"));
    }

    /** {@return true: this provider serves a socket bound elsewhere, handed over or inherited} */
    @Override
    public boolean servesHandedSockets() {
        return true;
    }

    /**
     * A server for these settings, for embedding without a deployment file: it binds {@code host}
     * and {@code port} when started (or, with {@code bind = fd://0}, serves the inherited socket).
     *
     * @throws FactoryException when the access log format is bad
     */
    public static Server server(ServerSettings settings) {
        AccessLog.compile(settings.accessLogFormat());
        return new UndertowServer(settings, Clocks.SYSTEM, null);
    }

    /**
     * A server that accepts on {@code listening}, already bound; {@code host}, {@code port} and
     * {@code backlog} of {@code settings} are not used. The server owns the channel from then on:
     * it closes it when it stops (which is what stops it accepting), or when its start fails.
     * XNIO needs the channel in non-blocking mode, so the server sets it so when it starts.
     *
     * @throws FactoryException when the access log format is bad
     */
    public static Server server(ServerSettings settings, ServerSocketChannel listening) {
        Objects.requireNonNull(listening, "listening");
        AccessLog.compile(settings.accessLogFormat());
        return new UndertowServer(settings, Clocks.SYSTEM, listening);
    }
}
