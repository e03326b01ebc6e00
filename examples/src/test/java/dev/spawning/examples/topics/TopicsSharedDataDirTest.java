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

    @Test
    void theFileIsCompactedToTheRetainedEventsAndBothInstancesGoOn() throws Exception {
        try (TopicsClient a = TopicsClient.on(dataDir, "retain", "3", "poll_interval", "200ms");
                TopicsClient b = TopicsClient.on(dataDir, "retain", "3", "poll_interval", "200ms")) {
            for (int i = 1; i <= 6; i++) {
                (i % 2 == 0 ? b : a).publish("small", String.valueOf(i));
            }
            Future<Response> held = CompletableFuture.supplyAsync(() -> poll(b, "/small/events?since=6&wait=30"),
                    Thread::startVirtualThread);
            awaitWaiter(b, "small");

            assertThat(text(a.publish("small", "7"))).isEqualTo("{\"seq\":7}");

            assertThat(dataDir.resolve("small.log")).content(StandardCharsets.UTF_8).isEqualTo(
                    "{\"seq\":5,\"data\":5}\n{\"seq\":6,\"data\":6}\n{\"seq\":7,\"data\":7}\n");
            assertThat(text(held.get(2, TimeUnit.SECONDS))).isEqualTo("{\"events\":[{\"seq\":7,\"data\":7}],\"cursor\":7}");
            assertThat(text(b.publish("small", "8"))).isEqualTo("{\"seq\":8}");
            for (TopicsClient app : List.of(a, b)) {
                assertThat(text(app.get("/small/events?since=5&wait=0"))).isEqualTo(
                        "{\"events\":[{\"seq\":6,\"data\":6},{\"seq\":7,\"data\":7},{\"seq\":8,\"data\":8}],\"cursor\":8}");
                assertThat(app.get("/small/events?since=4&wait=0").status()).isEqualTo(410);
            }
        }
        try (TopicsClient restarted = TopicsClient.on(dataDir, "retain", "3")) {
            assertThat(text(restarted.publish("small", "9"))).isEqualTo("{\"seq\":9}");
        }
    }

    @Test
    void concurrentPublishesWithCompactionsStayUniqueAndTheFileStaysSmall() throws Exception {
        ConcurrentLinkedQueue<Long> seqs = new ConcurrentLinkedQueue<>();
        try (TopicsClient a = TopicsClient.on(dataDir, "retain", "10", "poll_interval", "200ms");
                TopicsClient b = TopicsClient.on(dataDir, "retain", "10", "poll_interval", "200ms");
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                TopicsClient app = t % 2 == 0 ? a : b;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        Matcher seq = SEQ.matcher(text(app.publish("busy", "{\"i\": " + i + "}")));
                        assertThat(seq.matches()).isTrue();
                        seqs.add(Long.parseLong(seq.group(1)));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
            assertThat(seqs).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 400).boxed().toList());
            List<String> lines = Files.readAllLines(dataDir.resolve("busy.log"), StandardCharsets.UTF_8);
            assertThat(lines).hasSizeBetween(10, 20);
            assertThat(lines.getLast()).startsWith("{\"seq\":400,");
            assertThat(text(b.get("/busy/events?since=395&wait=0"))).isEqualTo(text(a.get("/busy/events?since=395&wait=0")));
        }
    }

    private static Response poll(TopicsClient app, String pathAndQuery) {
        try {
            return app.get(pathAndQuery);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitWaiter(TopicsClient app) throws Exception {
        awaitWaiter(app, "news");
    }

    private static void awaitWaiter(TopicsClient app, String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (app.app.waiting(topic) < 1) {
            assertThat(System.nanoTime()).as("waiter in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
