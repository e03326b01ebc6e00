package dev.spawning.examples.actors;

import static dev.spawning.examples.actors.Exchanges.await;
import static dev.spawning.examples.actors.Exchanges.send;
import static dev.spawning.examples.actors.Exchanges.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.examples.shapes.Shape;
import dev.spawning.factory.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What a 202 promises: accepted messages and states survive a restart and a crash, each handled once. */
class ActorsDurabilityTest {

    private static final String COUNTER_0 = "{\"type\": \"counter\", \"state\": {\"count\": 0}}";

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final CountDownLatch gateOpen = new CountDownLatch(1);

    @AfterEach
    void closeEverything() throws Exception {
        gateOpen.countDown();
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    private ActorsApp start() throws Exception {
        ActorsApp app = (ActorsApp) new ActorsAppFactory().create(Settings.empty(),
                Settings.builder("app:actors").put("data_dir", dataDir.toString()).build());
        opened.add(app);
        return app;
    }

    private static void awaitIdle(ActorsApp app, String id) throws InterruptedException {
        await(id + " idle", () -> {
            try {
                return text(send(app, "GET", "/" + id, null)).endsWith("\"mailbox\":[]}")
                        && app.actors().givenUp(id);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void aNewAppOnTheSameDataDirRestoresStatesAndTheList() throws Exception {
        ActorsApp first = start();
        send(first, "PUT", "/c1", COUNTER_0);
        send(first, "PUT", "/room", "{\"type\": \"chatroom\", \"state\": {\"history\": []}}");
        send(first, "PUT", "/gone", COUNTER_0);
        send(first, "POST", "/c1", "{\"add\": 2}");
        send(first, "POST", "/c1", "{\"add\": 3}");
        send(first, "POST", "/room", "{\"say\": \"hi\", \"from\": \"ann\"}");
        send(first, "DELETE", "/gone", null);
        awaitIdle(first, "c1");
        awaitIdle(first, "room");
        first.close();

        ActorsApp second = start();

        assertThat(text(send(second, "GET", "/", null))).isEqualTo("{\"actors\":[\"c1\",\"room\"]}");
        assertThat(text(send(second, "GET", "/c1", null))).contains("\"state\":{\"count\":5},\"mailbox\":[]");
        assertThat(text(send(second, "GET", "/room", null)))
                .contains("\"state\":{\"history\":[{\"say\":\"hi\",\"from\":\"ann\"}]}");
        assertThat(send(second, "GET", "/gone", null).status()).isEqualTo(404);
    }

    @Test
    void aReplacedStateSurvivesARestart() throws Exception {
        ActorsApp first = start();
        send(first, "PUT", "/c1", COUNTER_0);
        send(first, "PUT", "/c1", "{\"type\": \"counter\", \"state\": {\"count\": 40}}");
        first.close();

        ActorsApp second = start();
        send(second, "POST", "/c1", "{\"add\": 2}");
        awaitIdle(second, "c1");

        assertThat(text(send(second, "GET", "/c1", null))).contains("\"state\":{\"count\":42}");
    }

    @Test
    void journaledButUnhandledMessagesAreHandledOnceOnStartAndATornLastLineIsDropped() throws Exception {
        Files.writeString(dataDir.resolve("c1.snapshot"),
                "{\"type\":\"counter\",\"version\":9,\"applied\":2,\"state\":{\"count\":100}}");
        Files.writeString(dataDir.resolve("c1.journal"), """
                {"seq":1,"msg":{"add":1000}}
                {"seq":2,"msg":{"add":1000}}
                {"seq":3,"msg":{"add":1}}
                {"seq":4,"msg":{"add":2}}
                {"seq":5,"msg":{"ad""");

        ActorsApp first = start();
        awaitIdle(first, "c1");
        String afterStart = text(send(first, "GET", "/c1", null));
        send(first, "POST", "/c1", "{\"add\": 4}");
        awaitIdle(first, "c1");
        first.close();
        ActorsApp second = start();

        assertThat(afterStart).contains("\"state\":{\"count\":103}");
        assertThat(text(send(second, "GET", "/c1", null))).contains("\"state\":{\"count\":107},\"mailbox\":[]");
        // The snapshot taken when the actor went idle covers every line: the journal is empty.
        assertThat(Files.readString(dataDir.resolve("c1.journal"))).isEmpty();
        assertThat(Files.readString(dataDir.resolve("c1.snapshot"))).contains("\"applied\":5,");
    }

    @Test
    void messagesAcceptedBeforeACrashAreHandledExactlyOnceAfterIt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch entered = new CountDownLatch(1);
        // A counter whose handler waits for the gate: the crash comes while it is handling.
        ActorType slow = new ActorType("counter", ActorTypes.counter().stateShape(), null, List.of(new ActorType.Handler(
                Shape.object().with("add", Shape.integer()), (state, message) -> {
                    entered.countDown();
                    try {
                        gateOpen.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    calls.incrementAndGet();
                    return ActorTypes.counter().handlers().getFirst().received().apply(state, message);
                })));
        DiskStore crashedStore = DiskStore.open(dataDir);
        ActorsApp crashed = new ActorsApp(Actors.open(Map.of("counter", slow), crashedStore, 100, Duration.ZERO));
        send(crashed, "PUT", "/c1", COUNTER_0);
        for (int i = 1; i <= 3; i++) {
            assertThat(send(crashed, "POST", "/c1", "{\"add\": " + i + "}").status()).isEqualTo(202);
        }
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        // The crash: the store stops and gives its locks up, as a dead process does; the handler's
        // work never reaches the disk.
        crashedStore.close();
        await("the store closed", () -> crashedStore.snapshot("probe", null).isCompletedExceptionally());

        ActorsApp restarted = start();
        awaitIdle(restarted, "c1");
        gateOpen.countDown();

        assertThat(text(send(restarted, "GET", "/c1", null))).contains("\"state\":{\"count\":6},\"mailbox\":[]");
    }

    @Test
    void concurrentCastsAreAllKeptAcrossARestart() throws Exception {
        ActorsApp first = start();
        send(first, "PUT", "/c1", COUNTER_0);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 1; i <= 100; i++) {
                String body = "{\"add\": " + i + "}";
                statuses.add(threads.submit(() -> send(first, "POST", "/c1", body).status()));
            }
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(202);
        }
        first.close();

        ActorsApp second = start();
        awaitIdle(second, "c1");

        assertThat(text(send(second, "GET", "/c1", null))).contains("\"state\":{\"count\":5050}");
    }

    @Test
    void concurrentCastsShareForcesOfTheJournal() throws Exception {
        DiskStore store = DiskStore.open(dataDir);
        ActorsApp app = new ActorsApp(Actors.open(Map.of("counter", ActorTypes.counter()), store, 1000, Duration.ZERO));
        opened.add(app);
        send(app, "PUT", "/c1", COUNTER_0);

        List<Future<Integer>> statuses = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 1; i <= 200; i++) {
                statuses.add(threads.submit(() -> send(app, "POST", "/c1", "{\"add\": 1}").status()));
            }
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(202);
        }

        assertThat(store.journalForces()).isPositive().isLessThan(200);
    }

    @Test
    void aDeleteThatStoppedHalfWayLeavesNoActor() throws Exception {
        Files.writeString(dataDir.resolve("half.journal"), "{\"seq\":1,\"msg\":{\"add\":1}}\n");
        Files.writeString(dataDir.resolve("c1.journal.tmp"), "{");

        ActorsApp app = start();

        assertThat(text(send(app, "GET", "/", null))).isEqualTo("{\"actors\":[]}");
        assertThat(send(app, "GET", "/c1", null).status()).isEqualTo(404);
        assertThat(dataDir.resolve("half.journal")).doesNotExist();
        // Left-overs are cleared by the actor's next owner.
        assertThat(send(app, "PUT", "/c1", COUNTER_0).status()).isEqualTo(201);
        assertThat(dataDir.resolve("c1.journal.tmp")).doesNotExist();
        assertThat(dataDir.resolve("locks/nobody.lock")).doesNotExist();
        assertThat(send(app, "GET", "/nobody", null).status()).isEqualTo(404);
        assertThat(dataDir.resolve("locks/nobody.lock")).doesNotExist();
    }

    @Test
    void theSnapshotKeepsTypeVersionAppliedAndState() throws Exception {
        ActorsApp app = start();
        send(app, "PUT", "/c1", COUNTER_0);

        JsonNode snapshot = Json.MAPPER.readTree(Files.readAllBytes(dataDir.resolve("c1.snapshot")));

        assertThat(new String(Json.bytes(snapshot), StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"counter\",\"version\":1,\"applied\":0,\"state\":{\"count\":0}}");
    }
}
