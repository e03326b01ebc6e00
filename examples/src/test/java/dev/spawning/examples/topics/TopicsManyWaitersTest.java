package dev.spawning.examples.topics;

import static dev.spawning.examples.topics.TopicsClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thousands of held long-polls are cheap: each is a parked virtual thread, and one publish wakes them. */
class TopicsManyWaitersTest {

    private static final int WAITERS = 10_000;

    @TempDir
    Path dataDir;

    @Test
    void onePublishAnswersTenThousandHeldLongPollsWithinASecond() throws Exception {
        try (TopicsClient topics = TopicsClient.on(dataDir);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // As on a server that has served a while: Jackson's first use in a JVM alone takes a good part of a second.
            topics.publish("warm-up", "{\"n\": 0}");
            List<CompletableFuture<Response>> held = new ArrayList<>(WAITERS);
            for (int i = 0; i < WAITERS; i++) {
                held.add(CompletableFuture.supplyAsync(() -> poll(topics), threads));
            }
            awaitWaiters(topics, WAITERS);
            assertThat(held).noneMatch(CompletableFuture::isDone);

            long start = System.nanoTime();
            topics.publish("news", "{\"n\": 1}");
            CompletableFuture.allOf(held.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).as("from the publish to the last answer").isLessThan(Duration.ofSeconds(1));
            for (CompletableFuture<Response> answer : held) {
                assertThat(text(answer.join())).isEqualTo("{\"events\":[{\"seq\":1,\"data\":{\"n\":1}}],\"cursor\":1}");
            }
        }
    }

    private static Response poll(TopicsClient topics) {
        try {
            return topics.get("/news/events?since=0&wait=30");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitWaiters(TopicsClient topics, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (topics.app.waiting("news") < count) {
            assertThat(System.nanoTime()).as("all waiting in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
