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
 * Server handed = CoroutineServerFactory.server(ServerSettings.DEFAULTS, inheritedChannel);
 * handed.start(request -> Response.text(200, "hello"));
 * }</pre>
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
     * A server that binds {@code host}, {@code port} and {@code backlog} of {@code settings} when
     * started.
     *
     * @throws dev.spawning.factory.FactoryException when the access log format is bad
     */
    public static Server server(ServerSettings settings) {
        AccessLog.compile(settings.accessLogFormat());
        return new CoroutineServer(settings, null);
    }

    /**
     * A server that accepts on {@code listening}, already bound; {@code host}, {@code port} and
     * {@code backlog} of {@code settings} are not used. The server owns the channel from then on:
     * it closes it when it stops (which is what stops it accepting).
     *
     * @throws dev.spawning.factory.FactoryException when the access log format is bad
     */
    public static Server server(ServerSettings settings, ServerSocketChannel listening) {
        Objects.requireNonNull(listening, "listening");
        AccessLog.compile(settings.accessLogFormat());
        return new CoroutineServer(settings, listening);
    }
}
