package dev.spawning.coroutine;

import dev.spawning.factory.App;
import dev.spawning.factory.server.AccessLogSink;
import dev.spawning.factory.server.ForwardedHeaders;
import dev.spawning.factory.server.ServerMetrics;
import dev.spawning.factory.server.ServerSettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every connection of one running server shares: the app, the settings, the parser, the
 * resolver of forwarding fields, the access log, the metrics, the app pool ({@code threads}), the stop
 * state, and the counts of what was done.
 *
 * <p>Thread-safe: immutable but for the stop state (volatile, set once) and the counters (made for
 * many writers: every connection thread counts its answers).
 */
final class Service {

    static final System.Logger LOG = System.getLogger("dev.spawning.coroutine");

    private final App app;
    private final ServerSettings settings;
    private final HeadParser parser;
    private final ForwardedHeaders forwarding;
    private final AccessLogSink accessLog;
    private final ExecutorService appPool;
    private final ServerMetrics metrics;
    private final LongAdder served = new LongAdder();
    private final AtomicInteger completedWhileStopping = new AtomicInteger();
    private final AtomicInteger closedIdleWhileStopping = new AtomicInteger();
    private volatile long idleWindowEnd;
    private volatile boolean stopping;
    private final CompletableFuture<Void> stopBegun = new CompletableFuture<>();
    // What apps get: a stage they cannot complete themselves.
    private final CompletionStage<Void> stopBegunSeenByApps = stopBegun.minimalCompletionStage();

    /**
     * @param appPool the pool apps run on when {@code threads} is set; {@code null} otherwise
     * @param metrics the server's, kept across its starts
     */
    Service(App app, ServerSettings settings, AccessLogSink accessLog, ExecutorService appPool,
            ServerMetrics metrics) {
        this.app = app;
        this.settings = settings;
        this.parser = new HeadParser(settings);
        this.forwarding = settings.proxy().forwarding();
        this.accessLog = accessLog;
        this.appPool = appPool;
        this.metrics = metrics;
    }

    App app() {
        return app;
    }

    ServerSettings settings() {
        return settings;
    }

    HeadParser parser() {
        return parser;
    }

    /** The resolver of the forwarding fields from {@code forwarded_allow_ips}. */
    ForwardedHeaders forwarding() {
        return forwarding;
    }

    AccessLogSink accessLog() {
        return accessLog;
    }

    /** {@return what every connection records its requests in; off unless {@code metrics_bind} is set} */
    ServerMetrics metrics() {
        return metrics;
    }

    /** The pool apps run on, or {@code null}: apps run on their connection's virtual thread. */
    ExecutorService appPool() {
        return appPool;
    }

    /** {@return whether the server is stopping: every response from now on closes its connection} */
    boolean stopping() {
        return stopping;
    }

    /**
     * Marks the server as stopping.
     *
     * @param idleWindowEndNanos when idle keep-alive connections stop waiting for a next request (a
     *                           {@link System#nanoTime} value)
     */
    void beginStop(long idleWindowEndNanos) {
        idleWindowEnd = idleWindowEndNanos;
        stopping = true;
        stopBegun.complete(null);
    }

    /** {@return what every request's {@link dev.spawning.factory.Request#serverStopping} is: completed by {@link #beginStop}} */
    CompletionStage<Void> stopBegun() {
        return stopBegunSeenByApps;
    }

    /** {@return when idle connections stop waiting for a next request; meaningful once stopping} */
    long idleWindowEnd() {
        return idleWindowEnd;
    }

    /** Counts a response sent, refusals included; one sent while stopping also counts as completed. */
    void answered() {
        served.increment();
        if (stopping) {
            completedWhileStopping.incrementAndGet();
        }
    }

    /** Counts a connection closed by the stop while it waited for a request. */
    void closedIdle() {
        closedIdleWhileStopping.incrementAndGet();
    }

    /** {@return the responses sent since start, refusals included} */
    long served() {
        return served.sum();
    }

    int completedWhileStopping() {
        return completedWhileStopping.get();
    }

    int closedIdleWhileStopping() {
        return closedIdleWhileStopping.get();
    }
}
