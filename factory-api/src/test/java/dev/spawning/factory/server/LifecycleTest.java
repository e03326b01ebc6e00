package dev.spawning.factory.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.FactoryException;
import dev.spawning.factory.StopReport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private final Lifecycle<String> lifecycle = new Lifecycle<>();

    @Test
    void startsOnceAndSaysSoOnTheSecondCall() {
        lifecycle.claimStart();
        lifecycle.started("running");

        assertThat(lifecycle.current()).isEqualTo("running");
        assertThatThrownBy(lifecycle::claimStart).isInstanceOf(FactoryException.class)
                .hasMessage("start() already called");
    }

    @Test
    void aStoppedServerCannotStart() {
        lifecycle.stop(running -> null);

        assertThatThrownBy(lifecycle::claimStart).isInstanceOf(FactoryException.class)
                .hasMessage("start() after stop(): a stopped server cannot start again");
    }

    @Test
    void stopsOnceAndGivesEveryCallerTheFirstReport() throws Exception {
        StopReport report = new StopReport(1, 2, 0, Duration.ofMillis(5));
        CountDownLatch stopping = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        lifecycle.claimStart();
        lifecycle.started("running");

        CompletableFuture<StopReport> first = CompletableFuture.supplyAsync(() -> lifecycle.stop(running -> {
            calls.incrementAndGet();
            stopping.countDown();
            await(release);
            return report;
        }));
        assertThat(stopping.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<StopReport> second = CompletableFuture.supplyAsync(() -> lifecycle.stop(running -> null));
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isSameAs(report);
        assertThat(second.get(5, TimeUnit.SECONDS)).isSameAs(report);
        assertThat(calls).hasValue(1);
        lifecycle.await();
    }

    @Test
    void aFailedStartStopsTheServerWithNothingToReport() throws Exception {
        lifecycle.claimStart();
        lifecycle.failedStart();

        lifecycle.await();
        assertThat(lifecycle.current()).isNull();
        assertThat(lifecycle.stop(running -> null)).isEqualTo(new StopReport(0, 0, 0, Duration.ZERO));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
