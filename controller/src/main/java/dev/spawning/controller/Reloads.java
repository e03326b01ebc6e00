package dev.spawning.controller;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The reload under way (at most one), the requests merged into one follow-up, and the last
 * outcome. A reload is under way from its trigger until the old generation is gone: it succeeds
 * only then, so that once it is reported no old code answers any more (an old worker's drain
 * still answers requests already on their way to it). Confined to the supervisor's thread.
 */
final class Reloads {

    private int generation;
    private String trigger;
    private long startedNanos;
    private long tookOverNanos;
    private boolean merged;
    private ReloadOutcome last;

    /** {@return the generation being started, or 0 when no reload is under way} */
    int generation() {
        return generation;
    }

    /** {@return whether the new generation serves and the old one is draining} */
    boolean tookOver() {
        return tookOverNanos != 0;
    }

    /** Every new worker is ready; the old ones drain. */
    Duration takeOver() {
        tookOverNanos = System.nanoTime();
        return Duration.ofNanos(tookOverNanos - startedNanos);
    }

    ReloadOutcome last() {
        return last;
    }

    void begin(int newGeneration, String why) {
        generation = newGeneration;
        trigger = why;
        startedNanos = System.nanoTime();
    }

    /** A request that came during a reload: one follow-up reload stands for all of them. */
    void merge() {
        merged = true;
    }

    boolean takeMerged() {
        boolean was = merged;
        merged = false;
        return was;
    }

    ReloadOutcome succeed() {
        return end(true, List.of());
    }

    ReloadOutcome fail(List<String> error) {
        return end(false, error);
    }

    private ReloadOutcome end(boolean succeeded, List<String> error) {
        long now = System.nanoTime();
        last = new ReloadOutcome(succeeded, trigger, generation, Instant.now(),
                Duration.ofNanos((tookOverNanos != 0 ? tookOverNanos : now) - startedNanos),
                Duration.ofNanos(now - startedNanos), error);
        generation = 0;
        tookOverNanos = 0;
        return last;
    }
}
