package dev.spawning.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Runs the inputs of a fuzz run against every provider and fills a {@link FuzzReport}. Each input
 * runs on its own virtual thread, at most {@link FuzzOptions#parallel} at once; it is sent to all
 * providers at the same time, each over a fresh connection to the server of the input's profile.
 * An input the providers disagree on is sent again (every input, with {@code selfcheck}), so that
 * a difference that does not repeat shows as {@code unstable} instead of passing for a real one.
 * Whether an outcome is right does not depend on timing: the client half-closes or the server has
 * all the bytes it will get, and waits for silence, not for a guessed answer. The servers are
 * warmed up first. {@link #run} is called once, from the test's thread.
 */
final class FuzzRun {

    private static final int WARM_UP_ROUNDS = 3;

    private final FuzzOptions options;
    private final FuzzSeeds seeds;
    private final FuzzInputs inputs;
    private final FuzzTargets targets;
    private final FuzzWire wire;

    FuzzRun(FuzzOptions options, FuzzSeeds seeds, FuzzTargets targets) {
        this.options = options;
        this.seeds = seeds;
        this.inputs = new FuzzInputs(options.seed(), seeds);
        this.targets = targets;
        this.wire = new FuzzWire(options.silence());
    }

    FuzzReport run() throws InterruptedException {
        warmUp();
        FuzzReport report = new FuzzReport(options);
        Semaphore inFlight = new Semaphore(options.parallel());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long index : options.indexes().toArray()) {
                inFlight.acquire();
                threads.execute(() -> {
                    try {
                        check(index, report);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        return report;
    }

    /**
     * Sends the hand-written requests, unchanged, to every server a few times and forgets the
     * answers: a cold server (classes loading, code not yet compiled) can stay silent longer than
     * the silence timeout, which would show as a difference that does not repeat.
     */
    private void warmUp() {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (FuzzProfile profile : FuzzProfile.values()) {
                for (FuzzSeeds.Seed seed : seeds.handWritten()) {
                    playEverywhere(new FuzzInput(-1, seed.name(), List.of(), seed.bytes(), profile, true));
                }
            }
        }
    }

    private void check(long index, FuzzReport report) {
        try {
            FuzzInput input = inputs.input(index);
            Map<String, FuzzOutcome> outcomes = playEverywhere(input);
            boolean again = options.selfCheck() || !FuzzDifference.agree(outcomes, outcomes);
            report.played(input, outcomes, again ? playEverywhere(input) : outcomes);
        } catch (RuntimeException failed) {
            report.failed(index, failed);
        }
    }

    /** The input's outcome on each provider, in provider order, played at the same time. */
    private Map<String, FuzzOutcome> playEverywhere(FuzzInput input) {
        Map<String, CompletableFuture<FuzzOutcome>> plays = new LinkedHashMap<>();
        for (String provider : targets.providers()) {
            plays.put(provider, CompletableFuture.supplyAsync(
                    () -> wire.play(targets.address(input.profile(), provider), input), Thread.ofVirtual()::start));
        }
        Map<String, FuzzOutcome> outcomes = new LinkedHashMap<>();
        plays.forEach((provider, play) -> outcomes.put(provider, play.join()));
        return outcomes;
    }
}
