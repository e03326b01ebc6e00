package dev.spawning.examples.topics;

import static dev.spawning.examples.topics.TopicsClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing and long-polling, with every status and its body. */
class TopicsAppTest {

    private static final String NOT_FOUND =
            "{\"error\":\"Not found: a topic is published to at /NAME and read at /NAME/events\"}";

    @TempDir
    Path dataDir;

    private TopicsClient topics;

    @BeforeEach
    void openApp() {
        topics = TopicsClient.on(dataDir, "retain", "3");
    }

    @AfterEach
    void closeApp() throws Exception {
        topics.close();
    }

    @Test
    void publishAnswers201WithSequenceNumbersFromOnePerTopic() throws Exception {
        Response first = topics.publish("news", "{\"title\": \"Hello\"}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.headers().all("Content-Type")).containsExactly("application/json");
        assertThat(first.headers().all("Cache-Control")).containsExactly("no-store");
        assertThat(text(first)).isEqualTo("{\"seq\":1}");
        assertThat(text(topics.publish("news", "[1, 2]"))).isEqualTo("{\"seq\":2}");
        assertThat(text(topics.publish("sport", "\"goal\""))).isEqualTo("{\"seq\":1}");
    }

    @Test
    void publishAcceptsJsonMediaTypesWithParameters() throws Exception {
        Response response = topics.call(topics.request("POST", "/news")
                .header("Content-Type", "application/vnd.news+json; charset=utf-8").body("{}".getBytes()));

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void pollAnswersTheEventsAfterTheCursorAtOnce() throws Exception {
        topics.publish("news", "{\"title\": \"Hello\"}");
        topics.publish("news", "[true, null, 1.50]");

        Response all = topics.get("/news/events?since=0");
        Response after1 = topics.get("/news/events?since=1&wait=30");

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.headers().all("Content-Type")).containsExactly("application/json");
        assertThat(all.headers().all("Cache-Control")).containsExactly("no-store");
        assertThat(text(all)).isEqualTo("{\"events\":[{\"seq\":1,\"data\":{\"title\":\"Hello\"}},"
                + "{\"seq\":2,\"data\":[true,null,1.50]}],\"cursor\":2}");
        assertThat(text(after1)).isEqualTo("{\"events\":[{\"seq\":2,\"data\":[true,null,1.50]}],\"cursor\":2}");
    }

    @Test
    void pollWithoutSinceStartsAtTheBeginning() throws Exception {
        topics.publish("news", "1");

        assertThat(text(topics.get("/news/events"))).isEqualTo("{\"events\":[{\"seq\":1,\"data\":1}],\"cursor\":1}");
    }

    @Test
    void heldPollIsAnsweredByThePublishThatFollows() throws Exception {
        Future<Response> held = CompletableFuture.supplyAsync(() -> get("/news/events?since=0&wait=30"),
                Thread::startVirtualThread);
        awaitWaiters(1);
        assertThat(held).isNotDone();

        topics.publish("news", "{\"n\": 1}");

        Response response = held.get(1, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(text(response)).isEqualTo("{\"events\":[{\"seq\":1,\"data\":{\"n\":1}}],\"cursor\":1}");
    }

    @Test
    void heldPollEndsAfterItsWaitWithNoEventsAndTheSameCursor() throws Exception {
        topics.publish("news", "{}");
        long start = System.nanoTime();

        Response response = topics.get("/news/events?since=1&wait=0.3");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(290), Duration.ofSeconds(5));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().all("Cache-Control")).containsExactly("no-store");
        assertThat(text(response)).isEqualTo("{\"events\":[],\"cursor\":1}");
    }

    @Test
    void waitZeroAnswersAtOnce() throws Exception {
        assertThat(text(topics.get("/news/events?since=0&wait=0"))).isEqualTo("{\"events\":[],\"cursor\":0}");
    }

    @Test
    void aCursorOlderThanTheRetainedLogIsGoneAndSaysWhereToReadAgain() throws Exception {
        for (int i = 1; i <= 5; i++) {
            topics.publish("news", String.valueOf(i));
        }

        Response gone = topics.get("/news/events?since=1");
        Response kept = topics.get("/news/events?since=2");

        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.headers().all("Content-Type")).containsExactly("application/json");
        assertThat(text(gone)).isEqualTo("{\"error\":\"The cursor 1 is older than the retained log, which starts "
                + "after 2; read again from cursor 2\",\"cursor\":2}");
        assertThat(text(kept)).isEqualTo("{\"events\":[{\"seq\":3,\"data\":3},{\"seq\":4,\"data\":4},"
                + "{\"seq\":5,\"data\":5}],\"cursor\":5}");
    }

    @Test
    void aCursorAfterTheLastEventIsGone() throws Exception {
        topics.publish("news", "1");

        Response gone = topics.get("/news/events?since=7");

        assertThat(gone.status()).isEqualTo(410);
        assertThat(text(gone)).isEqualTo("{\"error\":\"The cursor 7 is after the last event, 1 (the log was "
                + "started again); read again from cursor 0\",\"cursor\":0}");
    }

    @Test
    void serverStopAnswersHeldPollsAtOnceWithTheirCursor() throws Exception {
        topics.publish("news", "{}");
        Future<Response> held = CompletableFuture.supplyAsync(() -> get("/news/events?since=1&wait=55"),
                Thread::startVirtualThread);
        awaitWaiters(1);

        topics.serverStopping.complete(null);

        assertThat(text(held.get(1, TimeUnit.SECONDS))).isEqualTo("{\"events\":[],\"cursor\":1}");
        long start = System.nanoTime();
        assertThat(text(topics.get("/news/events?since=1&wait=55"))).isEqualTo("{\"events\":[],\"cursor\":1}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void publishWithoutAJsonContentTypeIs415() throws Exception {
        Response plain = topics.call(topics.request("POST", "/news").header("Content-Type", "text/plain")
                .body("{}".getBytes()));
        Response none = topics.call(topics.request("POST", "/news").body("{}".getBytes()));

        for (Response response : new Response[] {plain, none}) {
            assertThat(response.status()).isEqualTo(415);
            assertThat(response.headers().all("Content-Type")).containsExactly("application/json");
            assertThat(text(response)).isEqualTo(
                    "{\"error\":\"An event is published as JSON: send Content-Type: application/json\"}");
        }
    }

    @Test
    void publishOfMalformedJsonIs400() throws Exception {
        for (String body : new String[] {"{\"a\":", "", "{} {}", "{\"a\": 1, \"a\": 2}", "nope"}) {
            Response response = topics.publish("news", body);

            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(text(response)).as(body).isEqualTo("{\"error\":\"The body is not one well-formed JSON value\"}");
        }
        assertThat(text(topics.get("/news/events?wait=0"))).isEqualTo("{\"events\":[],\"cursor\":0}");
    }

    @Test
    void publishLargerThanMaxEventSizeIs413() throws Exception {
        try (TopicsClient small = TopicsClient.on(dataDir, "max_event_size", "8")) {
            Response response = small.publish("news", "\"123456789\"");

            assertThat(response.status()).isEqualTo(413);
            assertThat(text(response)).isEqualTo("{\"error\":\"An event is at most 8 bytes\"}");
            assertThat(small.publish("news", "\"123456\"").status()).isEqualTo(201);
        }
    }

    @Test
    void otherMethodsAre405WithAllow() throws Exception {
        Response onTopic = topics.get("/news");
        Response onEvents = topics.call(topics.request("POST", "/news/events")
                .header("Content-Type", "application/json").body("{}".getBytes()));

        assertThat(onTopic.status()).isEqualTo(405);
        assertThat(onTopic.headers().all("Allow")).containsExactly("POST");
        assertThat(text(onTopic)).isEqualTo(
                "{\"error\":\"GET is not allowed here: a topic takes POST (publish); read it at /news/events\"}");
        assertThat(onEvents.status()).isEqualTo(405);
        assertThat(onEvents.headers().all("Allow")).containsExactly("GET");
        assertThat(text(onEvents)).isEqualTo(
                "{\"error\":\"POST is not allowed here: events are read with GET; publish with POST to /news\"}");
    }

    @Test
    void otherPathsAre404() throws Exception {
        for (String path : new String[] {"", "/", "/news/", "/news/other", "/news/events/1", "//events"}) {
            Response response = topics.get(path);

            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(text(response)).as(path).isEqualTo(NOT_FOUND);
        }
    }

    @Test
    void badTopicNamesAre400() throws Exception {
        Response dotted = topics.publish(".hidden", "{}");
        Response spaced = topics.get("/a b/events");
        Response tooLong = topics.publish("x".repeat(65), "{}");

        assertThat(dotted.status()).isEqualTo(400);
        assertThat(text(dotted)).isEqualTo("{\"error\":\"'.hidden' is not a topic name: 1 to 64 letters, digits, "
                + "'.', '_' or '-', not starting with '.'\"}");
        assertThat(spaced.status()).isEqualTo(400);
        assertThat(text(spaced)).startsWith("{\"error\":\"'a b' is not a topic name");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(topics.publish("x".repeat(64), "{}").status()).isEqualTo(201);
        assertThat(topics.publish("a-b_c.d", "{}").status()).isEqualTo(201);
    }

    @Test
    void badSinceAndWaitAre400() throws Exception {
        assertBadRequest("/news/events?since=x", "since = 'x': expected a non-negative integer");
        assertBadRequest("/news/events?since=-1", "since = '-1': expected a non-negative integer");
        assertBadRequest("/news/events?wait=56", "wait = '56': expected seconds from 0 to 55, such as 25 or 0.5");
        assertBadRequest("/news/events?wait=55.5", "wait = '55.5': expected seconds from 0 to 55, such as 25 or 0.5");
        assertBadRequest("/news/events?wait=soon", "wait = 'soon': expected seconds from 0 to 55, such as 25 or 0.5");
        assertBadRequest("/news/events?since=%zz", "The query is not well percent-encoded");
        topics.publish("news", "1");
        assertThat(topics.get("/news/events?wait=55&since=0&since=x&other=1").status()).isEqualTo(200);
    }

    @Test
    void publishedEventsOutliveTheAppInstance() throws Exception {
        topics.publish("news", "{\"kept\": true}");
        topics.close();

        topics = TopicsClient.on(dataDir, "retain", "3");

        assertThat(text(topics.publish("news", "2"))).isEqualTo("{\"seq\":2}");
        assertThat(text(topics.get("/news/events"))).isEqualTo(
                "{\"events\":[{\"seq\":1,\"data\":{\"kept\":true}},{\"seq\":2,\"data\":2}],\"cursor\":2}");
        assertThat(dataDir.resolve("news.log")).content(StandardCharsets.UTF_8).isEqualTo(
                "{\"seq\":1,\"data\":{\"kept\":true}}\n{\"seq\":2,\"data\":2}\n");
    }

    @Test
    void readingATopicNeverPublishedToLeavesNoFile() throws Exception {
        assertThat(text(topics.get("/ghost/events?wait=0"))).isEqualTo("{\"events\":[],\"cursor\":0}");

        assertThat(dataDir.resolve("ghost.log")).doesNotExist();
    }

    private void assertBadRequest(String pathAndQuery, String error) throws Exception {
        Response response = topics.get(pathAndQuery);
        assertThat(response.status()).as(pathAndQuery).isEqualTo(400);
        assertThat(text(response)).as(pathAndQuery).isEqualTo("{\"error\":\"" + error + "\"}");
    }

    private Response get(String pathAndQuery) {
        try {
            return topics.get(pathAndQuery);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void awaitWaiters(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (topics.app.waiting("news") < count) {
            assertThat(System.nanoTime()).as("waiters in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
