package dev.spawning.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The balance rule: a worker accepts while it holds no more than the average of the workers
 * accepting plus {@link Balance#SLACK}; draining workers and empty slots do not count. Each
 * worker maps the board on its own, as the worker processes do.
 */
class BalanceTest {

    @TempDir
    Path dir;

    @Test
    void aWorkerAboveTheAverageByMoreThanTheSlackPausesAndTheOthersAccept() throws Exception {
        try (Board controller = Board.create(dir.resolve("board")); Board first = Board.open(dir.resolve("board"));
                Board second = Board.open(dir.resolve("board"))) {
            controller.handOut(0);
            controller.handOut(1);
            Balance a = new Balance(first, 0);
            Balance b = new Balance(second, 1);

            assertThat(b.admits(0)).isTrue();
            assertThat(a.admits(4)).as("4 against 0: the average is 2, plus the slack").isTrue();
            assertThat(a.admits(5)).as("5 against 0").isFalse();
            assertThat(b.admits(0)).as("the one with fewest always accepts").isTrue();
            assertThat(b.admits(3)).isTrue();
            assertThat(a.admits(5)).as("5 against 3").isTrue();
        }
    }

    @Test
    void aLoneWorkerAlwaysAcceptsAndEmptySlotsDoNotCount() throws Exception {
        try (Board controller = Board.create(dir.resolve("board")); Board worker = Board.open(dir.resolve("board"))) {
            controller.handOut(0);
            controller.handOut(1);
            controller.handOut(2);
            assertThat(controller.limit()).isEqualTo(3);
            Balance alone = new Balance(worker, 2);
            assertThat(alone.admits(10_000)).isTrue();
            assertThat(controller.read(2)).isEqualTo(10_000);
            assertThat(controller.read(0)).isEqualTo(Board.EMPTY);
        }
    }

    @Test
    void aDrainingWorkerStopsCountingAndAnExitedOnesSlotIsEmptiedForTheNext() throws Exception {
        try (Board controller = Board.create(dir.resolve("board")); Board worker = Board.open(dir.resolve("board"))) {
            controller.handOut(0);
            controller.handOut(1);
            Balance old = new Balance(worker, 0);
            Balance fresh = new Balance(worker, 1);
            assertThat(old.admits(40)).isTrue();
            assertThat(fresh.admits(30)).isTrue();
            assertThat(old.admits(40)).as("40 against 30").isFalse();

            fresh.withdraw();
            assertThat(controller.read(1)).isEqualTo(Board.EMPTY);
            assertThat(old.admits(40)).as("alone once the other drains").isTrue();
            fresh.publish(30);
            assertThat(controller.read(1)).as("a heartbeat after the drain began").isEqualTo(Board.EMPTY);

            old.publish(12);
            controller.empty(0);
            controller.handOut(0);
            assertThat(controller.read(0)).isEqualTo(Board.EMPTY);
            assertThat(controller.limit()).isEqualTo(2);
        }
    }
}
