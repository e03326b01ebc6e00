package dev.spawning.factory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
     * Binds and starts serving {@code app}; returns once the server accepts connections. A server
     * starts once: a failed start leaves it stopped.
     *
     * @param app the app every request goes to, called on a thread of the server's
     * @throws IOException when the address cannot be bound (the message names it) or the access log
     *                     cannot be opened
     * @throws FactoryException when called twice, or after {@link #stop}
     */
    void start(App app) throws IOException;

    /** {@return the addresses the server listens on, with real ports; empty before start} */
    List<InetSocketAddress> addresses();

    /**
     * Stops accepting at once, lets requests in progress finish for up to {@code grace} (each
     * answered with {@code Connection: close}), closes idle connections, then closes what is left.
     * Returns when every connection is closed. A second call returns the first call's report,
     * waiting for it if the first is still under way; a stop before start reports nothing done, and
     * the server cannot start afterwards.
     *
     * @param grace how long requests in progress may take to finish before their connections are
     *              cut off
     * @return what the stop did
     */
    StopReport stop(Duration grace);

    /**
     * Blocks until the server has stopped, by {@link #stop} or a failed start; any number of
     * threads may wait.
     *
     * @throws InterruptedException when the waiting thread is interrupted; the server runs on
     */
    void await() throws InterruptedException;

    /**
     * {@return what the server is doing now, for a controller's status and drain; empty when the
     * server does not count (a {@link ServerRunner} seen as a server)} Safe to call from any thread
     * at any time; the three figures are each exact but not read at one instant.
     */
    default Optional<ServerFigures> figures() {
        return Optional.empty();
    }

    /**
     * {@return this server's metrics in Prometheus' text exposition format (version 0.0.4), for
     * whoever serves them on {@code metrics_bind}: {@code spawn serve} in one process, the
     * controller summing its workers'; empty when the server keeps no metrics ({@code metrics_bind}
     * not set, or a {@link ServerRunner} seen as a server)} Safe to call from any thread.
     */
    default Optional<String> metrics() {
        return Optional.empty();
    }

    /**
     * Makes this server ask {@code gate} before each accept from now on (see {@link AcceptGate}):
     * spawn's controller spreads connections across the worker processes sharing one listening
     * socket this way. May be called from any thread, before or after {@link #start}; the last gate
     * given is the one asked.
     *
     * @param gate decides, before each accept, whether the server takes the next connection now
     * @return whether this server consults the gate; false, by default, for a server that accepts
     *         whenever it can and ignores it
     */
    default boolean gateAccepts(AcceptGate gate) {
        return false;
    }

    /** {@return the grace period configured for this server ({@code graceful_timeout})} */
    Duration gracefulTimeout();

    /** Stops with the configured grace period. */
    @Override
    default void close() {
        stop(gracefulTimeout());
    }
}
