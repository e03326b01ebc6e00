package dev.spawning.examples.actors;

import dev.spawning.examples.shapes.Shape;
import dev.spawning.factory.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The other process of {@link ActorsTwoProcessesTest}: opens the actors on a data_dir, creates
 * counter {@code c1} and casts {@code {"add": 7}} to it, whose handler holds it (live in this
 * process) until standard input ends; prints {@code ready} once it is handling.
 */
final class ActorsOtherProcess {

    private ActorsOtherProcess() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ActorType held = new ActorType("counter", ActorTypes.counter().stateShape(), null, List.of(new ActorType.Handler(
                Shape.object().with("add", Shape.integer()), (state, message) -> {
                    entered.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ActorTypes.counter().handlers().getFirst().received().apply(state, message);
                })));
        ActorsApp app = new ActorsApp(Actors.open(Map.of("counter", held), DiskStore.open(Path.of(args[0])), 100,
                Duration.ofSeconds(5)));
        app.handle(request("PUT", "{\"type\": \"counter\", \"state\": {\"count\": 0}}"));
        app.handle(request("POST", "{\"add\": 7}"));
        entered.await();
        System.out.println("ready");
        System.out.flush();
        drain();
        release.countDown();
        // Let the actor finish and give c1 up, then exit as a worker would.
        while (!app.actors().givenUp("c1")) {
            Thread.sleep(5);
        }
        app.close();
    }

    private static void drain() throws IOException {
        while (System.in.read() >= 0) {
            // Wait for the test to close our standard input.
        }
    }

    private static Request request(String method, String body) {
        return Request.builder().method(method).target("/c1").header("Content-Type", "application/json")
                .body(body.getBytes(StandardCharsets.UTF_8)).build();
    }
}
