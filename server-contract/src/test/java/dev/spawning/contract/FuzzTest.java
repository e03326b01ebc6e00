package dev.spawning.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The differential fuzzer: mutated requests (from the corpus and from hand-written ones like the
 * contract suite's) sent to every server provider, which must answer each with the same status
 * codes and close (or keep open) the connection alike (docs: "Identical behaviour" in the
 * servers' specification). Options are system properties ({@link FuzzOptions}); a failure lists
 * the differences with the options that replay one. For long runs: {@code scripts/fuzz-providers}.
 */
class FuzzTest {

    @Test
    void everyProviderAnswersEveryFuzzedRequestAlike() throws Exception {
        FuzzOptions options = FuzzOptions.fromSystemProperties();
        long started = System.nanoTime();
        FuzzReport report;
        FuzzQuietLogs quiet = FuzzQuietLogs.silence();
        try (FuzzTargets targets = FuzzTargets.start()) {
            report = new FuzzRun(options, FuzzSeeds.load(), targets).run();
        } finally {
            quiet.restore();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (options.only().isPresent()) {
            System.out.println(report.traces());
        }
        System.out.println(report.summary(took));

        assertThat(report.problems()).withFailMessage(() -> report.failures(options.show(), took)).isZero();
    }
}
