package dev.spawning.factory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * A server built by a {@link ServerFactory}: it binds and serves an app when started, and stops
 * gracefully.
 *
 * <pre>{@code
 * Server server = factory.create(global, local);
 * server.start(app);                       // bound and accepting when this returns
 * System.out.println(server.addresses());  // the real port when port = 0
 * StopReport report = server.stop(Duration.ofSeconds(30));
 * }</pre>
 *
 * Thread-safe: {@code stop} may be called from any thread, once {@code start} has returned.
 */
public interface Server extends AutoCloseable {

    /**
     * Binds and starts serving {@code app}; returns once the server accepts connections.
     *
     * @throws IOException when the address cannot be bound, naming it
     * @throws FactoryException when called twice
     */
    void start(App app) throws IOException;

    /** The addresses the server listens on, with real ports; empty before start. */
    List<InetSocketAddress> addresses();

    /**
     * Stops accepting at once, lets requests in progress finish for up to {@code grace} (each
     * answered with {@code Connection: close}), closes idle connections, then closes what is left.
     * Returns when every connection is closed. A second call returns the first call's report.
     */
    StopReport stop(Duration grace);

    /** Blocks until the server has stopped. */
    void await() throws InterruptedException;

    /** The grace period configured for this server ({@code graceful_timeout}). */
    Duration gracefulTimeout();

    /** Stops with the configured grace period. */
    @Override
    default void close() {
        stop(gracefulTimeout());
    }
}
