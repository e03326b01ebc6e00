package dev.spawning.coroutine;

import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Server;
import dev.spawning.factory.ServerFactory;
import dev.spawning.factory.Settings;
import dev.spawning.factory.server.AccessLog;
import dev.spawning.factory.server.ServerSettings;
import java.nio.channels.ServerSocketChannel;
import java.util.Objects;

/**
 * Provider {@code coroutine}: serves an app over HTTP/1.1 with an engine of its own, one virtual
 * thread per connection running a plain blocking request loop (the Java counterpart of
 * eventlet.wsgi). Reads the server settings every provider shares ({@link ServerSettings});
 * nothing else.
 *
 * <pre>{@code
 * [server:main]
 * use = service:coroutine
 * host = 0.0.0.0
 * port = 8080
 * }</pre>
 *
 * Embedding, on an address the server binds, or on a listening channel bound elsewhere (such as
 * one inherited from a parent process):
 *
 * <pre>{@code
 * Server bound = CoroutineServerFactory.server(ServerSettings.DEFAULTS);
 * Server handed = CoroutineServerFactory.server(ServerSettings.DEFAULTS, listeningChannel);
 * handed.start(request -> Response.text(200, "hello"));
 * }</pre>
 *
 * With {@code bind = fd://0} in its section the server serves the listening socket inherited as
 * standard input ({@link dev.spawning.factory.server.InheritedSocket}), which it takes when it
 * starts, not when it is built: a deployment that names it can be checked from a shell.
 */
@FactoryProvider(name = "coroutine", description = "HTTP/1.1 on virtual threads, one per connection")
public final class CoroutineServerFactory implements ServerFactory {

    /** Public because ServiceLoader needs it. */
    public CoroutineServerFactory() {
    }

    /** Validates the section now, so a bad value fails when the deployment is loaded. */
    @Override
    public Server create(Settings globalConf, Settings localConf) {
        return new CoroutineServer(ServerSettings.from(globalConf, localConf), null);
    }

    /**
     * Validates the section now; the server accepts on {@code listening} (see
     * {@link #server(ServerSettings, ServerSocketChannel)}), whatever the section says of
     * {@code bind}, {@code host} and {@code port}.
     */
    @Override
    public Server create(Settings globalConf, Settings localConf, ServerSocketChannel listening) {
        return handed(ServerSettings.from(globalConf, localConf), listening);
    }

    /** {@return true: a handed channel, and {@code bind = fd://0}} */
    @Override
    public boolean servesHandedSockets() {
        return true;
    }

    /**
     * A server that binds {@code host}, {@code port} and {@code backlog} of {@code settings} when
     * started, or serves the inherited socket when they say {@code bind = fd://0}.
     *
     * @throws dev.spawning.factory.FactoryException when the access log format is bad
     */
    public static Server server(ServerSettings settings) {
        AccessLog.compile(settings.accessLogFormat());
        return new CoroutineServer(settings, null);
    }

    /**
     * A server that accepts on {@code listening}, already bound; {@code host}, {@code port},
     * {@code backlog} and {@code bind} of {@code settings} are not used. The server owns the channel
     * from then on: it closes it when it stops (which is what stops it accepting), and it never
     * changes its blocking mode: a channel in non-blocking mode fails {@link Server#start}.
     *
     * @throws dev.spawning.factory.FactoryException when the access log format is bad
     */
    public static Server server(ServerSettings settings, ServerSocketChannel listening) {
        AccessLog.compile(settings.accessLogFormat());
        return handed(settings, listening);
    }

    private static Server handed(ServerSettings settings, ServerSocketChannel listening) {
        Objects.requireNonNull(listening, "listening");
        return new CoroutineServer(settings, listening);
    }
}
