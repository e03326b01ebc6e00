package dev.spawning.examples.topics;

import static dev.spawning.examples.topics.TopicsClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Accept: text/event-stream}: the log as Server-Sent Events, kept open. */
class EventStreamTest {

    private static final Duration SOON = Duration.ofSeconds(2);
    private static final String FIRST_TWO = "id: 1\ndata: {\"title\":\"Hello\"}\n\nid: 2\ndata: [1,\"two\"]\n\n";

    @TempDir
    Path dataDir;

    private TopicsClient topics;

    @BeforeEach
    void openApp() throws Exception {
        topics = TopicsClient.on(dataDir, "heartbeat", "200ms", "retain", "3");
        topics.publish("news", "{\"title\": \"Hello\"}");
        topics.publish("news", "[1, \"two\"]");
    }

    @AfterEach
    void closeApp() throws IOException {
        topics.close();
    }

    @Test
    void streamsEachEventWithItsIdAndDataThenThoseToCome() throws Exception {
        Response response = topics.get("/news/events", "Accept", "text/event-stream");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().all("Content-Type")).containsExactly("text/event-stream");
        assertThat(response.headers().all("Cache-Control")).containsExactly("no-store");
        StreamedBody body = StreamedBody.start(response);
        assertThat(body.awaitFlushedEnding("id: 2\ndata: [1,\"two\"]\n\n", SOON)).isEqualTo(FIRST_TWO);

        topics.publish("news", "{\"line\": \"a\\nb\"}");

        String third = "id: 3\ndata: {\"line\":\"a\\nb\"}\n\n";
        assertThat(body.awaitFlushedEnding(third, SOON)).isEqualTo(FIRST_TWO + third);
        assertThat(body.awaitEnd(Duration.ofMillis(50))).as("the stream stays open").isFalse();
    }

    @Test
    void eachEventIsFlushedOnItsOwn() throws Exception {
        StreamedBody body = StreamedBody.start(topics.get("/news/events", "Accept", "text/event-stream"));
        body.awaitFlushedEnding(FIRST_TWO, SOON);

        topics.publish("news", "3");
        assertThat(body.awaitFlushedEnding("id: 3\ndata: 3\n\n", SOON)).endsWith("id: 3\ndata: 3\n\n");
        topics.publish("news", "4");
        assertThat(body.awaitFlushedEnding("id: 4\ndata: 4\n\n", SOON)).endsWith("id: 3\ndata: 3\n\nid: 4\ndata: 4\n\n");
    }

    @Test
    void resumesAfterLastEventIdOrSince() throws Exception {
        StreamedBody afterId = StreamedBody.start(topics.get("/news/events?since=0", "Accept", "text/event-stream",
                "Last-Event-ID", "1"));
        StreamedBody afterSince = StreamedBody.start(topics.get("/news/events?since=1",
                "Accept", "text/html, text/event-stream;q=0.9"));
        StreamedBody afterAll = StreamedBody.start(topics.get("/news/events", "Accept", "text/event-stream",
                "Last-Event-ID", "2"));

        assertThat(afterId.awaitFlushedEnding("\n\n", SOON)).isEqualTo("id: 2\ndata: [1,\"two\"]\n\n");
        assertThat(afterSince.awaitFlushedEnding("\n\n", SOON)).isEqualTo("id: 2\ndata: [1,\"two\"]\n\n");
        topics.publish("news", "3");
        assertThat(afterAll.awaitFlushedEnding("id: 3\ndata: 3\n\n", SOON)).isEqualTo("id: 3\ndata: 3\n\n");
    }

    @Test
    void sendsAHeartbeatCommentWhenSilent() throws Exception {
        StreamedBody body = StreamedBody.start(topics.get("/news/events?since=2", "Accept", "text/event-stream"));

        assertThat(body.awaitFlushedEnding(": heartbeat\n\n", SOON)).isEqualTo(": heartbeat\n\n");
        assertThat(body.awaitFlushedEnding(": heartbeat\n\n: heartbeat\n\n", SOON))
                .isEqualTo(": heartbeat\n\n: heartbeat\n\n");
    }

    @Test
    void aClientGoneEndsTheStreamAtTheNextHeartbeat() throws Exception {
        StreamedBody body = StreamedBody.start(topics.get("/news/events", "Accept", "text/event-stream"));
        body.awaitFlushedEnding(FIRST_TWO, SOON);

        body.disconnect();

        assertThat(body.awaitEnd(SOON)).isTrue();
        assertThat(body.failure()).isInstanceOf(IOException.class).hasMessage("Broken pipe");
        assertThat(topics.app.waiting("news")).isZero();
    }

    @Test
    void serverStopEndsTheStream() throws Exception {
        StreamedBody body = StreamedBody.start(topics.get("/news/events", "Accept", "text/event-stream"));
        body.awaitFlushedEnding(FIRST_TWO, SOON);

        topics.serverStopping.complete(null);

        assertThat(body.awaitEnd(SOON)).isTrue();
        assertThat(body.failure()).isNull();
        assertThat(body.flushed()).isEqualTo(FIRST_TWO);
    }

    @Test
    void aCursorOlderThanTheRetainedLogIsGoneBeforeAnyStream() throws Exception {
        topics.publish("news", "3");
        topics.publish("news", "4");

        Response gone = topics.get("/news/events", "Accept", "text/event-stream", "Last-Event-ID", "0");

        assertThat(gone.status()).isEqualTo(410);
        assertThat(text(gone)).isEqualTo("{\"error\":\"The cursor 0 is older than the retained log, which starts "
                + "after 1; read again from cursor 1\",\"cursor\":1}");
    }

    @Test
    void aStreamThatFellBehindTheRetainedLogEndsWithAGoneEvent() throws Exception {
        for (int i = 3; i <= 6; i++) {
            topics.publish("news", String.valueOf(i));
        }
        Topic topic = Topic.load(dataDir.resolve("news.log"), 3, () -> false);
        // As a stream whose client had seen event 2 when four more came at once.
        EventStream stream = new EventStream(topic, List.of(), 2, Duration.ofSeconds(5), () -> false);

        StreamedBody body = StreamedBody.start(Response.builder(200).body(stream).build());

        assertThat(body.awaitEnd(SOON)).isTrue();
        assertThat(body.flushed()).isEqualTo("event: gone\ndata: {\"error\":\"The cursor 2 is older than the retained"
                + " log, which starts after 3; read again from cursor 3\",\"cursor\":3}\n\n");
        topic.close();
    }

    @Test
    void aBadLastEventIdIs400() throws Exception {
        Response bad = topics.get("/news/events", "Accept", "text/event-stream", "Last-Event-ID", "abc");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(text(bad)).isEqualTo("{\"error\":\"Last-Event-ID = 'abc': expected a non-negative integer\"}");
    }

    @Test
    void lastEventIdIsIgnoredWithoutAnEventStream() throws Exception {
        Response poll = topics.get("/news/events?since=1", "Last-Event-ID", "abc");

        assertThat(text(poll)).isEqualTo("{\"events\":[{\"seq\":2,\"data\":[1,\"two\"]}],\"cursor\":2}");
    }
}
