package dev.spawning.examples.actors;

import static dev.spawning.examples.actors.Exchanges.await;
import static dev.spawning.examples.actors.Exchanges.etag;
import static dev.spawning.examples.actors.Exchanges.send;
import static dev.spawning.examples.actors.Exchanges.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.examples.shapes.Shape;
import dev.spawning.factory.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST rules of the actors app, on a store that keeps nothing. */
class ActorsAppTest {

    private static final String COUNTER_0 = "{\"type\": \"counter\", \"state\": {\"count\": 0}}";

    private final CountDownLatch gateEntered = new CountDownLatch(1);
    private final CountDownLatch gateOpen = new CountDownLatch(1);
    private Actors actors;
    private ActorsApp app;

    private ActorsApp app(int capacity) throws Exception {
        Map<String, ActorType> types = new LinkedHashMap<>();
        types.put("counter", ActorTypes.counter());
        types.put("chatroom", ActorTypes.chatroom(3));
        // A type whose handler waits, so that a test can keep a mailbox from draining.
        types.put("gate", new ActorType("gate", Shape.object(), null, List.of(new ActorType.Handler(Shape.any(), (s, m) -> {
            gateEntered.countDown();
            try {
                gateOpen.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return s;
        }))));
        actors = Actors.open(types, new MemoryStore(), capacity, Duration.ZERO);
        app = new ActorsApp(actors);
        return app;
    }

    @AfterEach
    void openTheGate() {
        gateOpen.countDown();
        if (app != null) {
            app.close();
        }
    }

    private void awaitIdle(String id) throws InterruptedException {
        await(id + " idle", () -> actors.givenUp(id));
    }

    @Test
    void putCreatesWith201ThenReplacesWith200() throws Exception {
        app(100);

        Response created = send(app, "PUT", "/c1", COUNTER_0);
        Response replaced = send(app, "PUT", "/c1", "{\"type\": \"counter\", \"state\": {\"count\": 5}}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().first("Location")).contains("/actors/c1");
        assertThat(created.headers().first("Content-Type")).contains("application/json");
        assertThat(text(created)).isEqualTo("{\"type\":\"counter\",\"version\":1,\"state\":{\"count\":0},\"mailbox\":[]}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(text(replaced)).isEqualTo("{\"type\":\"counter\",\"version\":2,\"state\":{\"count\":5},\"mailbox\":[]}");
        assertThat(etag(replaced)).isNotEqualTo(etag(created)).matches("\"[0-9a-f]{32}\"");
    }

    @Test
    void aPutBodyMayBeAGetBodyThatCameBack() throws Exception {
        app(100);
        send(app, "PUT", "/c1", COUNTER_0);

        Response response = send(app, "PUT", "/c1", "{\"type\":\"counter\",\"version\":1,\"state\":{\"count\":3},\"mailbox\":[]}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(text(response)).isEqualTo("{\"type\":\"counter\",\"version\":2,\"state\":{\"count\":3},\"mailbox\":[]}");
    }

    @Test
    void postCastsAndAnswers202AtOnceThenTheActorHandlesIt() throws Exception {
        app(100);
        send(app, "PUT", "/c1", COUNTER_0);

        Response accepted = send(app, "POST", "/c1", "{\"add\": 2}");
        awaitIdle("c1");
        Response got = send(app, "GET", "/c1", null);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.headers().first("Content-Type")).contains("application/json");
        assertThat(text(accepted)).isEqualTo("{\"accepted\":true}");
        assertThat(got.status()).isEqualTo(200);
        // Version 1 created, 2 the cast arrived, 3 handled.
        assertThat(text(got)).isEqualTo("{\"type\":\"counter\",\"version\":3,\"state\":{\"count\":2},\"mailbox\":[]}");
    }

    @Test
    void resetSetsTheCountToZero() throws Exception {
        app(100);
        send(app, "PUT", "/c1", "{\"type\": \"counter\", \"state\": {\"count\": 41}}");

        send(app, "POST", "/c1", "{\"reset\": true}");
        awaitIdle("c1");

        assertThat(text(send(app, "GET", "/c1", null))).contains("\"state\":{\"count\":0}");
    }

    @Test
    void aMessageNoHandlerTakesIs422NamingThePathThatFailed() throws Exception {
        app(100);
        send(app, "PUT", "/c1", COUNTER_0);

        Response bogus = send(app, "POST", "/c1", "{\"bogus\": 1}");
        Response badAdd = send(app, "POST", "/c1", "{\"add\": \"x\"}");
        Response badReset = send(app, "POST", "/c1", "{\"reset\": false}");

        assertThat(bogus.status()).isEqualTo(422);
        assertThat(text(bogus)).isEqualTo(
                "{\"error\":\"no handler of counter takes the message: missing key \\\"add\\\"\",\"path\":\"$\"}");
        assertThat(badAdd.status()).isEqualTo(422);
        assertThat(text(badAdd)).isEqualTo(
                "{\"error\":\"no handler of counter takes the message: expected an integer, found a string\",\"path\":\"$.add\"}");
        assertThat(text(badReset)).isEqualTo(
                "{\"error\":\"no handler of counter takes the message: expected true, found false\",\"path\":\"$.reset\"}");
        assertThat(text(send(app, "GET", "/c1", null))).contains("\"version\":1,");
    }

    @Test
    void theEtagChangesWithEveryChangeAndIfNoneMatchGives304() throws Exception {
        app(100);
        String created = etag(send(app, "PUT", "/c1", COUNTER_0));
        Response got = send(app, "GET", "/c1", null);

        Response notModified = send(app, "GET", "/c1", null, "If-None-Match", created);
        Response listed = send(app, "GET", "/c1", null, "If-None-Match", "\"other\", W/" + created);
        send(app, "POST", "/c1", "{\"add\": 1}");
        awaitIdle("c1");
        Response changed = send(app, "GET", "/c1", null, "If-None-Match", created);

        assertThat(etag(got)).isEqualTo(created);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(etag(notModified)).isEqualTo(created);
        assertThat(text(notModified)).isEmpty();
        assertThat(listed.status()).isEqualTo(304);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(etag(changed)).isNotEqualTo(created);
    }

    @Test
    void headAnswersAsGetDoes() throws Exception {
        app(100);
        send(app, "PUT", "/c1", COUNTER_0);

        Response get = send(app, "GET", "/c1", null);
        Response head = send(app, "HEAD", "/c1", null);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.headers()).isEqualTo(get.headers());
        assertThat(text(head)).isEqualTo(text(get));
        assertThat(send(app, "HEAD", "/c1", null, "If-None-Match", etag(get)).status()).isEqualTo(304);
        assertThat(send(app, "HEAD", "/", null).status()).isEqualTo(200);
    }

    @Test
    void ifMatchGuardsPutAndDelete() throws Exception {
        app(100);
        String etag = etag(send(app, "PUT", "/c1", COUNTER_0));

        Response stale = send(app, "PUT", "/c1", COUNTER_0, "If-Match", "\"stale\"");
        Response weak = send(app, "PUT", "/c1", COUNTER_0, "If-Match", "W/" + etag);
        Response fresh = send(app, "PUT", "/c1", "{\"type\": \"counter\", \"state\": {\"count\": 9}}", "If-Match", etag);
        Response any = send(app, "PUT", "/c1", COUNTER_0, "If-Match", "*");
        Response createOnlyIfThere = send(app, "PUT", "/c2", COUNTER_0, "If-Match", "*");
        Response staleDelete = send(app, "DELETE", "/c1", null, "If-Match", etag);

        assertThat(stale.status()).isEqualTo(412);
        assertThat(text(stale)).isEqualTo("{\"error\":\"If-Match \\\"stale\\\" does not match the actor's current ETag "
                + etag.replace("\"", "\\\"") + "\"}");
        assertThat(weak.status()).isEqualTo(412);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(any.status()).isEqualTo(200);
        assertThat(createOnlyIfThere.status()).isEqualTo(412);
        assertThat(text(createOnlyIfThere)).isEqualTo(
                "{\"error\":\"If-Match * does not match the actor's current ETag (it has none: it does not exist)\"}");
        assertThat(staleDelete.status()).isEqualTo(412);
        assertThat(send(app, "GET", "/c2", null).status()).isEqualTo(404);
        assertThat(send(app, "GET", "/c1", null).status()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotJsonIs415AndMalformedJsonIs400() throws Exception {
        app(100);
        send(app, "PUT", "/c1", COUNTER_0);

        Response text = app.handle(Exchanges.request("PUT", "/c1", "text/plain", COUNTER_0));
        Response none = app.handle(Exchanges.request("POST", "/c1", null, "{\"add\": 1}"));
        Response plusJson = app.handle(Exchanges.request("PUT", "/c1", "application/vnd.x+json; charset=utf-8", COUNTER_0));
        Response malformed = send(app, "PUT", "/c1", "{\"type\": \"counter\",\n \"state\": }");
        Response trailing = send(app, "POST", "/c1", "{\"add\": 1} {}");
        Response empty = send(app, "POST", "/c1", "");

        assertThat(text.status()).isEqualTo(415);
        assertThat(text(text)).isEqualTo("{\"error\":\"expected Content-Type: application/json, found text/plain\"}");
        assertThat(none.status()).isEqualTo(415);
        assertThat(text(none)).isEqualTo("{\"error\":\"expected Content-Type: application/json, found none\"}");
        assertThat(plusJson.status()).isEqualTo(200);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(text(malformed)).isEqualTo("{\"error\":\"malformed JSON at line 2, column 11\"}");
        assertThat(trailing.status()).isEqualTo(400);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(text(empty)).isEqualTo("{\"error\":\"malformed JSON: the body is empty\"}");
    }

    @Test
    void aPutThatIsNotAnActorOrAStateOfItsTypeIs422WithThePath() throws Exception {
        app(100);

        Response badState = send(app, "PUT", "/c1", "{\"type\": \"counter\", \"state\": {\"count\": \"x\"}}");
        Response noCount = send(app, "PUT", "/c1", "{\"type\": \"counter\", \"state\": {}}");
        Response unknownType = send(app, "PUT", "/c1", "{\"type\": \"countr\", \"state\": {}}");
        Response noType = send(app, "PUT", "/c1", "{\"state\": {}}");
        Response stateNotObject = send(app, "PUT", "/c1", "{\"type\": \"counter\", \"state\": 3}");
        Response tooLong = send(app, "PUT", "/r", "{\"type\": \"chatroom\", \"state\": {\"history\": ["
                + "{\"say\":\"a\",\"from\":\"x\"},{\"say\":\"b\",\"from\":\"x\"},{\"say\":\"c\",\"from\":\"x\"},"
                + "{\"say\":\"d\",\"from\":\"x\"}]}}");
        Response badLine = send(app, "PUT", "/r", "{\"type\": \"chatroom\", \"state\": {\"history\": [{\"say\":\"a\"}]}}");

        assertThat(badState.status()).isEqualTo(422);
        assertThat(text(badState)).isEqualTo(
                "{\"error\":\"not a counter state: expected an integer, found a string\",\"path\":\"$.state.count\"}");
        assertThat(text(noCount)).isEqualTo(
                "{\"error\":\"not a counter state: missing key \\\"count\\\"\",\"path\":\"$.state\"}");
        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(text(unknownType)).isEqualTo(
                "{\"error\":\"unknown actor type \\\"countr\\\"; this app has: counter, chatroom, gate\",\"path\":\"$.type\"}");
        assertThat(text(noType)).isEqualTo(
                "{\"error\":\"expected {\\\"type\\\": ..., \\\"state\\\": {...}}: missing key \\\"type\\\"\",\"path\":\"$\"}");
        assertThat(text(stateNotObject)).isEqualTo(
                "{\"error\":\"expected {\\\"type\\\": ..., \\\"state\\\": {...}}: expected an object, found an integer\","
                        + "\"path\":\"$.state\"}");
        assertThat(text(tooLong)).isEqualTo(
                "{\"error\":\"not a chatroom state: expected at most 3 lines, found 4\",\"path\":\"$.state.history\"}");
        assertThat(text(badLine)).isEqualTo(
                "{\"error\":\"not a chatroom state: missing key \\\"from\\\"\",\"path\":\"$.state.history[0]\"}");
        assertThat(send(app, "GET", "/", null).status()).isEqualTo(200);
        assertThat(text(send(app, "GET", "/", null))).isEqualTo("{\"actors\":[]}");
    }

    @Test
    void aPutOfAnotherTypeIs409() throws Exception {
        app(100);
        send(app, "PUT", "/c1", COUNTER_0);

        Response other = send(app, "PUT", "/c1", "{\"type\": \"chatroom\", \"state\": {\"history\": []}}");

        assertThat(other.status()).isEqualTo(409);
        assertThat(text(other)).isEqualTo("{\"error\":\"actor \\\"c1\\\" is a counter, not a chatroom; DELETE it first\"}");
    }

    @Test
    void deleteIs204ThenTheActorIsMissing() throws Exception {
        app(100);
        send(app, "PUT", "/c1", COUNTER_0);

        Response deleted = send(app, "DELETE", "/c1", null);
        Response again = send(app, "DELETE", "/c1", null);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(text(deleted)).isEmpty();
        assertThat(again.status()).isEqualTo(404);
        assertThat(text(again)).isEqualTo("{\"error\":\"no actor \\\"c1\\\"\"}");
        assertThat(send(app, "GET", "/c1", null).status()).isEqualTo(404);
        assertThat(send(app, "POST", "/c1", "{\"add\": 1}").status()).isEqualTo(404);
        assertThat(send(app, "PUT", "/c1", COUNTER_0).status()).isEqualTo(201);
    }

    @Test
    void aMissingActorIs404ForGetHeadPostAndDelete() throws Exception {
        app(100);

        for (String method : List.of("GET", "HEAD", "DELETE")) {
            Response missing = send(app, method, "/nobody", null);
            assertThat(missing.status()).as(method).isEqualTo(404);
            assertThat(text(missing)).as(method).isEqualTo("{\"error\":\"no actor \\\"nobody\\\"\"}");
        }
        Response post = send(app, "POST", "/nobody", "{\"add\": 1}");
        assertThat(post.status()).isEqualTo(404);
        assertThat(text(post)).isEqualTo("{\"error\":\"no actor \\\"nobody\\\"\"}");
    }

    @Test
    void aPathThatCannotBeAnActorIs404() throws Exception {
        app(100);

        Response nested = send(app, "GET", "/c1/more", null);
        Response dotted = send(app, "PUT", "/..", COUNTER_0);

        assertThat(nested.status()).isEqualTo(404);
        assertThat(text(nested)).isEqualTo("{\"error\":\"no actor at /actors/c1/more: an actor's id is 1 to 128 letters,"
                + " digits, '.', '_', '~' or '-'\"}");
        assertThat(dotted.status()).isEqualTo(404);
    }

    @Test
    void theListNamesEveryActorInOrder() throws Exception {
        app(100);
        send(app, "PUT", "/c2", COUNTER_0);
        send(app, "PUT", "/a", COUNTER_0);
        send(app, "PUT", "/room", "{\"type\": \"chatroom\", \"state\": {\"history\": []}}");

        Response list = send(app, "GET", "/", null);
        Response unmounted = app.handle(Exchanges.request("GET", "", null, null));

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.headers().first("Content-Type")).contains("application/json");
        assertThat(text(list)).isEqualTo("{\"actors\":[\"a\",\"c2\",\"room\"]}");
        assertThat(text(unmounted)).isEqualTo(text(list));
    }

    @Test
    void otherMethodsAre405WithAllow() throws Exception {
        app(100);
        send(app, "PUT", "/c1", COUNTER_0);

        Response onActor = send(app, "PATCH", "/c1", "{}");
        Response onList = send(app, "POST", "/", "{}");
        Response deleteList = send(app, "DELETE", "/", null);

        assertThat(onActor.status()).isEqualTo(405);
        assertThat(onActor.headers().first("Allow")).contains("GET, HEAD, PUT, POST, DELETE");
        assertThat(text(onActor)).isEqualTo("{\"error\":\"method PATCH is not allowed on /actors/c1\"}");
        assertThat(onList.status()).isEqualTo(405);
        assertThat(onList.headers().first("Allow")).contains("GET, HEAD");
        assertThat(text(onList)).isEqualTo("{\"error\":\"method POST is not allowed on /actors/\"}");
        assertThat(deleteList.status()).isEqualTo(405);
    }

    @Test
    void aFullMailboxIs503WithRetryAfterAndTheMessagesStayInTheRepresentation() throws Exception {
        app(2);
        send(app, "PUT", "/g", "{\"type\": \"gate\", \"state\": {}}");
        assertThat(send(app, "POST", "/g", "{\"n\": 1}").status()).isEqualTo(202);
        assertThat(gateEntered.await(10, TimeUnit.SECONDS)).isTrue();

        Response second = send(app, "POST", "/g", "{\"n\": 2}");
        Response third = send(app, "POST", "/g", "{\"n\": 3}");
        Response full = send(app, "POST", "/g", "{\"n\": 4}");
        gateOpen.countDown();
        awaitIdle("g");

        assertThat(second.status()).isEqualTo(202);
        assertThat(third.status()).isEqualTo(202);
        assertThat(full.status()).isEqualTo(503);
        assertThat(full.headers().first("Retry-After")).contains("1");
        assertThat(text(full)).isEqualTo("{\"error\":\"the mailbox of \\\"g\\\" is full; retry later\"}");
        assertThat(send(app, "POST", "/g", "{\"n\": 5}").status()).isEqualTo(202);
    }

    @Test
    void aGetBetweenMessagesShowsTheMailbox() throws Exception {
        app(10);
        send(app, "PUT", "/g", "{\"type\": \"gate\", \"state\": {}}");
        send(app, "POST", "/g", "{\"n\": 1}");
        assertThat(gateEntered.await(10, TimeUnit.SECONDS)).isTrue();
        send(app, "POST", "/g", "{\"n\": 2}");
        send(app, "POST", "/g", "{\"n\": 3}");

        // The handler holds the actor: a GET waits for the message to end, then sees the rest.
        Future<Response> get = Executors.newVirtualThreadPerTaskExecutor().submit(() -> send(app, "GET", "/g", null));
        Thread.sleep(50);
        assertThat(get).isNotDone();
        gateOpen.countDown();

        assertThat(text(get.get(10, TimeUnit.SECONDS))).isIn(
                "{\"type\":\"gate\",\"version\":5,\"state\":{},\"mailbox\":[{\"n\":2},{\"n\":3}]}",
                "{\"type\":\"gate\",\"version\":6,\"state\":{},\"mailbox\":[{\"n\":3}]}",
                "{\"type\":\"gate\",\"version\":7,\"state\":{},\"mailbox\":[]}");
    }

    @Test
    void messagesAreHandledInTheOrderTheyWereAccepted() throws Exception {
        app(100);
        send(app, "PUT", "/r", "{\"type\": \"chatroom\", \"state\": {\"history\": []}}");

        for (int i = 1; i <= 5; i++) {
            assertThat(send(app, "POST", "/r", "{\"say\": \"m" + i + "\", \"from\": \"t\", \"extra\": 1}").status())
                    .isEqualTo(202);
        }
        awaitIdle("r");

        assertThat(text(send(app, "GET", "/r", null))).isEqualTo("{\"type\":\"chatroom\",\"version\":11,\"state\":{"
                + "\"history\":[{\"say\":\"m3\",\"from\":\"t\"},{\"say\":\"m4\",\"from\":\"t\"},{\"say\":\"m5\",\"from\":\"t\"}]},"
                + "\"mailbox\":[]}");
    }

    @Test
    void concurrentCastsAreEachHandledOnce() throws Exception {
        app(10_000);
        send(app, "PUT", "/c1", COUNTER_0);

        List<Future<Response>> casts = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 1; i <= 200; i++) {
                String body = "{\"add\": " + i + "}";
                casts.add(threads.submit(() -> send(app, "POST", "/c1", body)));
            }
        }
        for (Future<Response> cast : casts) {
            assertThat(cast.get().status()).isEqualTo(202);
        }
        awaitIdle("c1");

        assertThat(text(send(app, "GET", "/c1", null))).contains("\"state\":{\"count\":20100}");
    }

    @Test
    void countsGrowBeyondLongWithoutOverflow() throws Exception {
        app(100);
        send(app, "PUT", "/c1", "{\"type\": \"counter\", \"state\": {\"count\": 9223372036854775807}}");

        send(app, "POST", "/c1", "{\"add\": 1}");
        awaitIdle("c1");

        assertThat(text(send(app, "GET", "/c1", null))).contains("\"state\":{\"count\":9223372036854775808}");
    }

    @Test
    void anIdleActorIsGivenUpAndReadAfreshByTheNextRequest() throws Exception {
        app(100);
        send(app, "PUT", "/c1", COUNTER_0);

        assertThat(actors.givenUp("c1")).isTrue();
        send(app, "POST", "/c1", "{\"add\": 1}");
        awaitIdle("c1");

        assertThat(text(send(app, "GET", "/c1", null))).isEqualTo(
                "{\"type\":\"counter\",\"version\":3,\"state\":{\"count\":1},\"mailbox\":[]}");
    }
}
