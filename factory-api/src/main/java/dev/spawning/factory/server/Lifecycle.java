package dev.spawning.factory.server;

import dev.spawning.factory.FactoryException;
import dev.spawning.factory.StopReport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * The life of a {@link dev.spawning.factory.Server}, the same for every provider: started once,
 * stopped once (a second {@code stop} returns the first one's report, waiting for it if needed),
 * awaited by any number of threads. {@code R} is what exists only while the server runs (its
 * listening socket, its threads).
 *
 * <pre>{@code
 * lifecycle.claimStart();                          // throws when called twice, or after stop
 * try { lifecycle.started(bindAndServe()); }
 * catch (IOException failed) { lifecycle.failedStart(); throw failed; }
 * ...
 * return lifecycle.stop(running -> stopGracefully(running, grace));
 * }</pre>
 *
 * <p>Thread-safe: the state is guarded by this object's monitor, held only for the change itself;
 * the stopping function runs outside it, on the thread that called {@link #stop} first.
 *
 * @param <R> what a running server holds
 */
public final class Lifecycle<R> {

    private static final StopReport NOTHING = new StopReport(0, 0, 0, Duration.ZERO);

    private enum State { NEW, RUNNING, STOPPED }

    private final CompletableFuture<StopReport> report = new CompletableFuture<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private State state = State.NEW;
    private boolean startCalled;
    private R running;

    /** A lifecycle not started yet. */
    public Lifecycle() {
    }

    /**
     * Claims the one start of the server.
     *
     * @throws FactoryException when start was called before, or the server was stopped
     */
    public synchronized void claimStart() {
        if (startCalled) {
            throw new FactoryException("start() already called");
        }
        if (state == State.STOPPED) {
            throw new FactoryException("start() after stop(): a stopped server cannot start again");
        }
        startCalled = true;
        state = State.RUNNING;
    }

    /**
     * Records what the start built; the server runs.
     *
     * @param now what exists while the server runs
     */
    public synchronized void started(R now) {
        running = now;
    }

    /** {@return what the start built; {@code null} before it, or when it failed} */
    public synchronized R current() {
        return running;
    }

    /** The start failed after {@link #claimStart}: the server is stopped, with nothing to report. */
    public void failedStart() {
        finish(NOTHING);
    }

    /**
     * Stops the server once: the first call applies {@code stopping} to what runs (a server that
     * never ran reports nothing) and returns its report; later calls return the same report.
     *
     * @param stopping stops what runs and reports what it did; called at most once
     * @return the report of the one stop
     */
    public StopReport stop(Function<R, StopReport> stopping) {
        R toStop;
        synchronized (this) {
            if (state == State.STOPPED) {
                return report.join();
            }
            state = State.STOPPED;
            toStop = running;
        }
        finish(toStop == null ? NOTHING : stopping.apply(toStop));
        return report.join();
    }

    /**
     * Blocks until the server has stopped, by {@link #stop} or {@link #failedStart}.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void await() throws InterruptedException {
        stopped.await();
    }

    private void finish(StopReport done) {
        synchronized (this) {
            state = State.STOPPED;
        }
        report.complete(done);
        stopped.countDown();
    }
}
