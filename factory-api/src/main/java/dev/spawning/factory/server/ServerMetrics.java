package dev.spawning.factory.server;

import java.util.Objects;
import java.util.Optional;

/**
 * What a server records for its Prometheus metrics, the same on every provider: requests by
 * method and status class, their durations, the requests in flight, the open connections, the
 * body bytes received and sent, and the requests the server refused itself. The metric names and
 * their meanings are listed in {@code docs/metrics.md}. Providers only call it; they never see a
 * Micrometer type.
 *
 * <pre>{@code
 * ServerMetrics metrics = ServerMetrics.of(settings);      // when the server is built
 * metrics.connectionOpened();                              // after each accept
 * long began = System.nanoTime();                          // the head's first bytes arrived
 * metrics.requestStarted();                                // the head parsed, on its way to the app
 * metrics.requestEnded(began, "GET", 200, 0, 1234);        // its response has been written
 * Optional<String> text = metrics.scrape();                // Server.metrics()
 * }</pre>
 *
 * <p>Every request that gets a response is counted once, by {@link #requestEnded} (the app's
 * requests) or by {@link #requestRefused} (those the server refused before its head was whole).
 *
 * <p>Off ({@link #off()}, or {@code metrics_bind} not set) every method returns at once: no clock
 * is read and nothing is counted. On, each server has a registry of its own (never Micrometer's
 * global one) whose counters are made once, so that recording a request builds no tag and takes
 * no lock. Thread-safe: any thread may record at any time, and {@link #scrape} may run meanwhile.
 */
public sealed interface ServerMetrics permits NoMetrics, PrometheusMetrics {

    /**
     * Metrics for a server of these settings: one registry of its own per call.
     *
     * @param settings {@code metrics_bind} is read
     * @return metrics kept when {@code metrics_bind} is set, {@link #off()} otherwise
     */
    static ServerMetrics of(ServerSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return settings.metricsBind().isPresent() ? new PrometheusMetrics() : NoMetrics.INSTANCE;
    }

    /** {@return metrics that keep nothing and cost nothing: {@link #scrape} is empty} */
    static ServerMetrics off() {
        return NoMetrics.INSTANCE;
    }

    /** {@return whether anything is recorded: false for {@link #off()}} */
    boolean enabled();

    /** A connection was accepted and is now open. */
    void connectionOpened();

    /** A connection counted by {@link #connectionOpened} has closed. */
    void connectionClosed();

    /**
     * A request's head has been parsed and the request is on its way to the app: it counts as in
     * flight until {@link #requestEnded}, which must follow exactly once, whatever happens. Reads
     * no clock: the caller gives the request's start to {@link #requestEnded}, a time it has
     * read anyway where it can (such as when the head's first bytes arrived).
     */
    void requestStarted();

    /**
     * The request begun at {@code startNanos} ended: its response was written, or cut off.
     *
     * @param startNanos    when the server began reading the request's head, a
     *                      {@link System#nanoTime} value; ignored when off
     * @param method        the request method as sent; a method outside the common ones counts as
     *                      {@code OTHER}
     * @param status        the status sent (100 to 599)
     * @param receivedBytes request body bytes the app read (after the chunked coding is removed)
     * @param sentBytes     response body bytes written (before the chunked coding), as
     *                      {@code %(B)s} of the access log
     */
    void requestEnded(long startNanos, String method, int status, long receivedBytes, long sentBytes);

    /**
     * The server answered a request in flight with {@code status} in place of the app's answer:
     * a declared body over {@code max_body_size} (413), or a body found too large (413), too slow
     * (408) or malformed (400) while read. Counts the refusal only: {@link #requestEnded} counts
     * the request.
     *
     * @param status the status sent
     */
    void refusedInFlight(int status);

    /**
     * The server refused a request before or while reading its head (an over-long target, a
     * malformed or over-large head, a head not whole within {@code header_timeout}, an unknown
     * framing): counts a request, its duration, its body bytes and a refusal. It never was in
     * flight.
     *
     * @param startNanos a {@link System#nanoTime} value: when the server began reading the head
     * @param method     the method of the request line, or {@code null} when none was read (then
     *                   {@code OTHER})
     * @param status     the status sent
     * @param sentBytes  response body bytes written
     */
    void requestRefused(long startNanos, String method, int status, long sentBytes);

    /**
     * {@return the metrics in Prometheus' text exposition format, version 0.0.4; empty when off}
     * Any thread may call it while requests are recorded; each value is read once, so a scrape
     * taken under load need not be one instant's state.
     */
    Optional<String> scrape();
}
