package dev.spawning.examples.topics;

import static dev.spawning.examples.topics.TopicsClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two app instances on one {@code data_dir}, as two worker processes of one deployment have: a
 * publish through either reaches the waiters of both, and sequence numbers stay unique.
 */
class TopicsSharedDataDirTest {

    private static final Pattern SEQ = Pattern.compile("\\{\"seq\":(\\d+)}");

    @TempDir
    Path dataDir;

    private TopicsClient one;
    private TopicsClient two;

    @BeforeEach
    void openTwoApps() {
        one = TopicsClient.on(dataDir, "poll_interval", "200ms");
        two = TopicsClient.on(dataDir, "poll_interval", "200ms");
    }

    @AfterEach
    void closeApps() throws Exception {
        one.close();
        two.close();
    }

    @Test
    void aPublishThroughOneWakesALongPollHeldOnTheOther() throws Exception {
        Future<Response> held = CompletableFuture.supplyAsync(() -> poll(two, "/news/events?since=0&wait=30"),
                Thread::startVirtualThread);
        awaitWaiter(two);

        assertThat(text(one.publish("news", "{\"from\": \"one\"}"))).isEqualTo("{\"seq\":1}");

        assertThat(text(held.get(2, TimeUnit.SECONDS)))
                .isEqualTo("{\"events\":[{\"seq\":1,\"data\":{\"from\":\"one\"}}],\"cursor\":1}");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theFileSystemWatchWakesTheOtherWithoutWaitingForThePoll() throws Exception {
        try (TopicsClient slowPoll = TopicsClient.on(dataDir, "poll_interval", "1h")) {
            Future<Response> held = CompletableFuture.supplyAsync(
                    () -> poll(slowPoll, "/news/events?since=0&wait=30"), Thread::startVirtualThread);
            awaitWaiter(slowPoll);

            one.publish("news", "1");

            assertThat(text(held.get(2, TimeUnit.SECONDS))).isEqualTo("{\"events\":[{\"seq\":1,\"data\":1}],\"cursor\":1}");
        }
    }

    @Test
    void aPublishThroughOneIsReadAtOnceOnTheOther() throws Exception {
        one.publish("news", "1");

        assertThat(text(two.publish("news", "2"))).isEqualTo("{\"seq\":2}");
        assertThat(text(one.get("/news/events?wait=0"))).isEqualTo(
                "{\"events\":[{\"seq\":1,\"data\":1},{\"seq\":2,\"data\":2}],\"cursor\":2}");
    }

    @Test
    void concurrentPublishesThroughBothGetUniqueSequenceNumbers() throws Exception {
        int perThread = 50;
        ConcurrentLinkedQueue<Long> seqs = new ConcurrentLinkedQueue<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                TopicsClient app = t % 2 == 0 ? one : two;
                String from = "thread-" + t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        Response response = app.publish("news", "{\"from\": \"" + from + "\", \"i\": " + i + "}");
                        Matcher seq = SEQ.matcher(text(response));
                        assertThat(seq.matches()).as(text(response)).isTrue();
                        seqs.add(Long.parseLong(seq.group(1)));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        }

        assertThat(seqs).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 400).boxed().toList());
        List<String> lines = Files.readAllLines(dataDir.resolve("news.log"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(400);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).startsWith("{\"seq\":" + (i + 1) + ",\"data\":{\"from\":\"thread-");
        }
        assertThat(text(one.get("/news/events?since=399&wait=0"))).startsWith("{\"events\":[{\"seq\":400,");
        assertThat(text(two.get("/news/events?since=399&wait=0"))).isEqualTo(text(one.get("/news/events?since=399")));
    }

    @Test
    void aLineLeftUnfinishedByACrashedProcessIsSkipped() throws Exception {
        one.publish("news", "1");
        Files.writeString(dataDir.resolve("news.log"), "{\"seq\":2,\"da", StandardOpenOption.APPEND);

        assertThat(text(two.publish("news", "2"))).isEqualTo("{\"seq\":2}");

        assertThat(text(one.get("/news/events?wait=0"))).isEqualTo(
                "{\"events\":[{\"seq\":1,\"data\":1},{\"seq\":2,\"data\":2}],\"cursor\":2}");
        assertThat(dataDir.resolve("news.log")).content(StandardCharsets.UTF_8).isEqualTo(
                "{\"seq\":1,\"data\":1}\n{\"seq\":2,\"da\n{\"seq\":2,\"data\":2}\n");
    }

    private static Response poll(TopicsClient app, String pathAndQuery) {
        try {
            return app.get(pathAndQuery);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitWaiter(TopicsClient app) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (app.app.waiting("news") < 1) {
            assertThat(System.nanoTime()).as("waiter in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
