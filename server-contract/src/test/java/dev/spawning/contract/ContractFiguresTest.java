package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.ServerFigures;
import dev.spawning.factory.testing.RawHttp;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@link Server#figures()}: what spawn's controller reads for its status and while a worker drains.
 * In flight counts from accept: a connection whose first request has not come yet counts, an idle
 * keep-alive connection between requests does not.
 */
class ContractFiguresTest {

    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final App blockingOnSlow = request -> {
        if (request.target().equals("/slow")) {
            entered.countDown();
            release.await(5, TimeUnit.SECONDS);
        }
        return Response.text(200, "ok");
    };

    @ContractTest
    void countsRequestsServedInFlightFromAcceptAndOpenConnections(ContractServers servers) throws Exception {
        Server server = servers.start(blockingOnSlow);
        assertThat(server.figures()).contains(new ServerFigures(0, 0, 0));

        try (RawHttp idle = RawHttp.connect(server); RawHttp silent = RawHttp.connect(server);
                RawHttp busy = RawHttp.connect(server)) {
            idle.send(get("/1")).read();
            idle.send(get("/2")).read();
            busy.send(get("/slow"));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

            awaitFigures(server, new ServerFigures(2, 2, 3));
            release.countDown();
            assertThat(busy.read().text()).isEqualTo("ok");
            awaitFigures(server, new ServerFigures(3, 1, 3));
            silent.send("GET /bad HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n").read();
            awaitFigures(server, new ServerFigures(4, 0, 2));
        } finally {
            release.countDown();
        }
        awaitFigures(server, new ServerFigures(4, 0, 0));
    }

    /** The figures settle once the server has seen what the client did; no signal says when. */
    private static void awaitFigures(Server server, ServerFigures expected) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        ServerFigures seen = server.figures().orElseThrow();
        while (!seen.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            seen = server.figures().orElseThrow();
        }
        assertThat(seen).isEqualTo(expected);
    }
}
