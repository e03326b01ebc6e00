package dev.spawning.controller;

import java.time.Duration;
import java.util.Optional;

/**
 * The controller's probes. Readiness, as the supervisor publishes it after every turn of its loop:
 * ready when a generation is serving (all its {@code processes} workers READY, none draining) and
 * no reload is under way; not ready from a reload's trigger until its new generation has taken
 * over (success) or the reload has failed and the old generation serves on, nor while no
 * generation is serving (at start, after workers crashed), nor once the controller stops.
 * Liveness: the supervisor's loop has gone round within {@link #LIVENESS}. Metrics: the workers'
 * ({@link WorkerMetrics}).
 *
 * <p>Thread-safe: the supervisor's thread writes the two volatile fields, the listener's threads
 * read them; {@link WorkerMetrics} guards itself.
 */
final class ControllerProbes implements Probes {

    /**
     * How long the supervisor's loop may stay away before the controller is not alive: it goes
     * round every 200 ms, and its longest legitimate pause is a worker's thread dump (10 s at most).
     */
    static final Duration LIVENESS = Duration.ofSeconds(15);

    private final WorkerMetrics workers = new WorkerMetrics();
    private volatile long beatNanos = System.nanoTime();
    private volatile Optional<String> notReady = Optional.of("starting: no generation serves yet");

    WorkerMetrics workers() {
        return workers;
    }

    /** The supervisor's loop has gone round; {@code why} is empty when ready, or why not. */
    void publish(Optional<String> why) {
        notReady = why;
        beatNanos = System.nanoTime();
    }

    @Override
    public String metrics() {
        return workers.render();
    }

    @Override
    public Optional<String> notReady() {
        Optional<String> stuck = notLive();
        return stuck.isPresent() ? stuck : notReady;
    }

    @Override
    public Optional<String> notLive() {
        long silent = System.nanoTime() - beatNanos;
        return silent < LIVENESS.toNanos() ? Optional.empty()
                : Optional.of("the controller's loop has not gone round for " + Duration.ofNanos(silent).toSeconds()
                        + " s");
    }
}
