package dev.spawning.examples.actors;

import static dev.spawning.examples.actors.Exchanges.await;
import static dev.spawning.examples.actors.Exchanges.send;
import static dev.spawning.examples.actors.Exchanges.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.examples.shapes.Shape;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two apps on one data_dir, as two worker processes (or the old and new workers of a reload) see
 * it: an actor is live in one of them at a time, and neither gives a false 404 or loses a message.
 * (Within one JVM the second app's lock attempt meets the first's lock as another process's would.)
 */
class ActorsSharedDataDirTest {

    private static final String COUNTER_0 = "{\"type\": \"counter\", \"state\": {\"count\": 0}}";

    @TempDir
    Path dataDir;

    private final List<ActorsApp> opened = new ArrayList<>();
    private final CountDownLatch gateOpen = new CountDownLatch(1);

    @AfterEach
    void closeEverything() {
        gateOpen.countDown();
        opened.forEach(ActorsApp::close);
    }

    private ActorsApp start(String lockWait) throws Exception {
        ActorsApp app = (ActorsApp) new ActorsAppFactory().create(Settings.empty(), Settings.builder("app:actors")
                .put("data_dir", dataDir.toString()).put("lock_wait", lockWait).build());
        opened.add(app);
        return app;
    }

    private static void awaitCount(ActorsApp app, String id, String count) throws InterruptedException {
        await(id + " at " + count, () -> {
            try {
                return text(send(app, "GET", "/" + id, null)).contains("\"state\":{\"count\":" + count + "},\"mailbox\":[]");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void whatOneAppCreatesAndCastsTheOtherSees() throws Exception {
        ActorsApp one = start("2s");
        ActorsApp two = start("2s");

        assertThat(send(one, "PUT", "/c1", COUNTER_0).status()).isEqualTo(201);
        assertThat(send(two, "PUT", "/c1", "{\"type\": \"counter\", \"state\": {\"count\": 10}}").status()).isEqualTo(200);
        assertThat(send(two, "POST", "/c1", "{\"add\": 5}").status()).isEqualTo(202);
        awaitCount(one, "c1", "15");
        assertThat(send(one, "POST", "/c1", "{\"add\": 1}").status()).isEqualTo(202);
        awaitCount(two, "c1", "16");

        assertThat(text(send(two, "GET", "/", null))).isEqualTo("{\"actors\":[\"c1\"]}");
        assertThat(send(two, "DELETE", "/c1", null).status()).isEqualTo(204);
        assertThat(send(one, "GET", "/c1", null).status()).isEqualTo(404);
        assertThat(text(send(one, "GET", "/", null))).isEqualTo("{\"actors\":[]}");
    }

    @Test
    void anActorBusyInTheOtherAppIs503WithRetryAfterUntilItIsGivenUp() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        ActorType slow = new ActorType("counter", ActorTypes.counter().stateShape(), null, List.of(new ActorType.Handler(
                Shape.object().with("add", Shape.integer()), (state, message) -> {
                    entered.countDown();
                    try {
                        gateOpen.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ActorTypes.counter().handlers().getFirst().received().apply(state, message);
                })));
        ActorsApp one = new ActorsApp(Actors.open(Map.of("counter", slow), DiskStore.open(dataDir), 100, Duration.ofSeconds(2)));
        opened.add(one);
        ActorsApp two = start("50ms");
        send(one, "PUT", "/c1", COUNTER_0);
        send(one, "POST", "/c1", "{\"add\": 7}");
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        Response busy = send(two, "GET", "/c1", null);
        Response busyCast = send(two, "POST", "/c1", "{\"add\": 1}");
        gateOpen.countDown();

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.headers().first("Retry-After")).contains("1");
        assertThat(text(busy)).isEqualTo("{\"error\":\"actor \\\"c1\\\" is busy in another process; retry later\"}");
        assertThat(busyCast.status()).isEqualTo(503);
        awaitCount(two, "c1", "7");
    }

    @Test
    void castsThroughBothAppsAreEachHandledOnce() throws Exception {
        ActorsApp one = start("5s");
        ActorsApp two = start("5s");
        send(one, "PUT", "/c1", COUNTER_0);

        List<Future<Integer>> statuses = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 1; i <= 60; i++) {
                ActorsApp app = i % 2 == 0 ? one : two;
                String body = "{\"add\": " + i + "}";
                statuses.add(threads.submit(() -> send(app, "POST", "/c1", body).status()));
            }
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(202);
        }

        awaitCount(one, "c1", "1830");
        awaitCount(two, "c1", "1830");
    }
}
