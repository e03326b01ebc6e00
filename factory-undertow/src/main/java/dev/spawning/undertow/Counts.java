package dev.spawning.undertow;

import dev.spawning.factory.ServerFigures;
import dev.spawning.factory.server.ServerMetrics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one server counts: its live figures ({@link dev.spawning.factory.Server#figures}) and what
 * its stop reports, which needs to know whether a stop is under way. Each count is updated by whichever thread sees the event (accept, IO and app
 * threads), atomically and without a lock; a connection's part in {@link #busy} is kept by its
 * {@link TrackedConnection}, which moves it at most once each way.
 */
final class Counts {

    private final ServerMetrics metrics;
    private final LongAdder served = new LongAdder();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger completedWhileStopping = new AtomicInteger();
    private final AtomicInteger closedIdle = new AtomicInteger();
    private volatile boolean stopping;
    private final CompletableFuture<Void> stopBegun = new CompletableFuture<>();
    // What apps get: a stage they cannot complete themselves.
    private final CompletionStage<Void> stopBegunSeenByApps = stopBegun.minimalCompletionStage();

    /** @param metrics the server's Prometheus metrics, off unless {@code metrics_bind} is set */
    Counts(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    /** {@return what requests and connections are recorded in for {@code Server.metrics()}} */
    ServerMetrics metrics() {
        return metrics;
    }

    /** A response was sent or is on its way, whatever its status. */
    void served() {
        served.increment();
    }

    /** A connection started (true) or stopped (false) counting as a request in flight. */
    void busy(boolean now) {
        if (now) {
            busy.incrementAndGet();
        } else {
            busy.decrementAndGet();
        }
    }

    /** Requests in flight: connections accepted whose first request has not been answered, or serving one. */
    int busy() {
        return busy.get();
    }

    /** From now on a stop is under way: answered requests count as completed during it. */
    void markStopping() {
        stopping = true;
        stopBegun.complete(null);
    }

    /** {@return what every request's {@link dev.spawning.factory.Request#serverStopping} is: completed by {@link #markStopping}} */
    CompletionStage<Void> stopBegun() {
        return stopBegunSeenByApps;
    }

    /** True once a stop has begun. */
    boolean stopping() {
        return stopping;
    }

    /** A request was answered in full on a connection still open: it counts if a stop is under way. */
    void completed() {
        if (stopping) {
            completedWhileStopping.incrementAndGet();
        }
    }

    /** A connection waiting for a request was closed during a stop. */
    void closedIdle() {
        closedIdle.incrementAndGet();
    }

    int completedWhileStoppingSoFar() {
        return completedWhileStopping.get();
    }

    int closedIdleSoFar() {
        return closedIdle.get();
    }

    ServerFigures figures(int openConnections) {
        return new ServerFigures(served.sum(), busy.get(), openConnections);
    }
}
