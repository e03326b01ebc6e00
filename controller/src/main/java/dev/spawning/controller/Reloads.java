package dev.spawning.controller;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The reload under way (at most one), the requests merged into one follow-up, and the last
 * outcome. Confined to the supervisor's thread.
 */
final class Reloads {

    private int generation;
    private String trigger;
    private long startedNanos;
    private boolean merged;
    private ReloadOutcome last;

    /** {@return the generation being started, or 0 when no reload is under way} */
    int generation() {
        return generation;
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
        last = new ReloadOutcome(succeeded, trigger, generation, Instant.now(),
                Duration.ofNanos(System.nanoTime() - startedNanos), error);
        generation = 0;
        return last;
    }
}
