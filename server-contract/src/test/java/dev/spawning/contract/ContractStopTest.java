package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.HELLO;
import static dev.spawning.contract.ContractApps.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.StopReport;
import dev.spawning.factory.server.Drain;
import dev.spawning.factory.testing.RawHttp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

class ContractStopTest {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    /** Blocks until the test releases it, so that a stop finds its request in flight. */
    private final App blocking = request -> {
        entered.countDown();
        release.await(5, TimeUnit.SECONDS);
        return Response.text(200, "done");
    };

    @ContractTest
    void completesARequestInFlightWithConnectionCloseAndCountsIt(ContractServers servers) throws Exception {
        Server server = servers.start(blocking);

        try (RawHttp client = RawHttp.connect(server)) {
            client.send(get("/"));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            int port = server.addresses().getFirst().getPort();
            CompletableFuture<StopReport> stopping = stopAsync(server, Duration.ofSeconds(5));
            awaitRefusingConnections(port);
            release.countDown();
            RawHttp.Reply reply = client.read();

            assertThat(reply.text()).isEqualTo("done");
            ContractAssertions.saysClose(reply);
            assertThat(client.closedByServer()).isTrue();
            StopReport report = stopping.get(5, TimeUnit.SECONDS);
            assertThat(report.completed()).as(report.toString()).isEqualTo(1);
            assertThat(report.cutOff()).as(report.toString()).isZero();
        }
    }

    /** A long-poll held by the app ends at once when the stop begins, not when the grace ends. */
    @ContractTest
    void tellsAnAppHoldingARequestThatTheStopBegan(ContractServers servers) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        Server server = servers.start(request -> {
            holding.countDown();
            request.serverStopping().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return Response.text(200, "the server is stopping");
        });

        try (RawHttp client = RawHttp.connect(server)) {
            client.send(get("/events?wait=30"));
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<StopReport> stopping = stopAsync(server, Duration.ofSeconds(30));
            RawHttp.Reply reply = client.read();

            assertThat(reply.text()).isEqualTo("the server is stopping");
            ContractAssertions.saysClose(reply);
            StopReport report = stopping.get(5, TimeUnit.SECONDS);
            assertThat(report.completed()).as(report.toString()).isEqualTo(1);
            assertThat(report.cutOff()).as(report.toString()).isZero();
        }
    }

    @ContractTest
    void closesIdleKeepAliveConnectionsThatStaySilentForTheDrainWindowAndCountsThem(ContractServers servers)
            throws Exception {
        Server server = servers.start(HELLO);

        try (RawHttp first = RawHttp.connect(server); RawHttp second = RawHttp.connect(server)) {
            first.send(get("/1")).read();
            second.send(get("/2")).read();
            Thread.sleep(100); // A server may count a connection busy until just after its last byte left.
            StopReport report = server.stop(Duration.ofSeconds(5));

            assertThat(report.closedIdle()).as(report.toString()).isEqualTo(2);
            assertThat(report.completed()).as(report.toString()).isZero();
            assertThat(report.cutOff()).as(report.toString()).isZero();
            assertThat(report.took()).as("idle connections get the drain window, not the grace")
                    .isBetween(Drain.IDLE_WINDOW.minusMillis(100), Drain.IDLE_WINDOW.plusSeconds(2));
            assertThat(first.closedByServer()).isTrue();
            assertThat(second.closedByServer()).isTrue();
        }
    }

    @ContractTest
    void answersTheNextRequestOfAnIdleConnectionWithinTheDrainWindowWithConnectionClose(ContractServers servers)
            throws Exception {
        Server server = servers.start(HELLO);

        try (RawHttp client = RawHttp.connect(server)) {
            client.send(get("/1")).read();
            Thread.sleep(100);
            int port = server.addresses().getFirst().getPort();
            CompletableFuture<StopReport> stopping = stopAsync(server, Duration.ofSeconds(5));
            awaitRefusingConnections(port);
            Thread.sleep(300);
            RawHttp.Reply reply = client.send(get("/2")).read();

            assertThat(reply.text()).isEqualTo("hello /2");
            ContractAssertions.saysClose(reply);
            assertThat(client.closedByServer()).isTrue();
            StopReport report = stopping.get(5, TimeUnit.SECONDS);
            assertThat(report.completed()).as(report.toString()).isEqualTo(1);
            assertThat(report.closedIdle()).as(report.toString()).isZero();
        }
    }

    @ContractTest
    void servesTheFirstRequestOfAConnectionAcceptedButSilentWhenStopBegan(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO);

        try (RawHttp client = RawHttp.connect(server)) {
            Thread.sleep(200); // No signal tells when the server has accepted it: give it the time.
            int port = server.addresses().getFirst().getPort();
            CompletableFuture<StopReport> stopping = stopAsync(server, Duration.ofSeconds(5));
            awaitRefusingConnections(port);
            Thread.sleep(Drain.IDLE_WINDOW.toMillis() + 300); // Longer than an idle connection is kept.
            RawHttp.Reply reply = client.send(get("/first")).read();

            assertThat(reply.text()).isEqualTo("hello /first");
            ContractAssertions.saysClose(reply);
            assertThat(client.closedByServer()).isTrue();
            StopReport report = stopping.get(5, TimeUnit.SECONDS);
            assertThat(report.completed()).as(report.toString()).isEqualTo(1);
            assertThat(report.cutOff()).as(report.toString()).isZero();
        }
    }

    @ContractTest
    void servesARequestWhoseHeadHadBegunArrivingWhenStopBegan(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO);

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("GET /late HTTP/1.1\r\nHo");
            Thread.sleep(200); // No signal tells when the server has read those bytes: give it the time.
            int port = server.addresses().getFirst().getPort();
            CompletableFuture<StopReport> stopping = stopAsync(server, Duration.ofSeconds(5));
            awaitRefusingConnections(port);
            RawHttp.Reply reply = client.send("st: x\r\n\r\n").read();

            assertThat(reply.text()).isEqualTo("hello /late");
            ContractAssertions.saysClose(reply);
            StopReport report = stopping.get(5, TimeUnit.SECONDS);
            assertThat(report.completed()).as(report.toString()).isEqualTo(1);
        }
    }

    @ContractTest
    void cutsAndCountsConnectionsStillBusyWhenTheGraceEnds(ContractServers servers) throws Exception {
        Server server = servers.start(blocking);

        try (RawHttp client = RawHttp.connect(server)) {
            client.send(get("/"));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            StopReport report = server.stop(Duration.ofMillis(300));

            assertThat(report.cutOff()).as(report.toString()).isEqualTo(1);
            assertThat(report.completed()).as(report.toString()).isZero();
            assertThat(report.took()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(new String(client.readUntilClosed(), StandardCharsets.ISO_8859_1))
                    .as("what the client got before the cut").doesNotContain("done");
        } finally {
            release.countDown();
        }
    }

    private static CompletableFuture<StopReport> stopAsync(Server server, Duration grace) {
        return CompletableFuture.supplyAsync(() -> server.stop(grace), Thread.ofVirtual()::start);
    }

    /** Waits until the listening socket is closed, which shows the stop has begun. */
    private static void awaitRefusingConnections(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                probe.setSoLinger(true, 0);
                Thread.sleep(10);
            } catch (ConnectException refused) {
                return;
            } catch (SocketException reset) {
                // Accepted by the kernel into the backlog just as the listener closed: reset, not served.
                return;
            }
        }
        throw new IOException("still accepting connections 2 s after stop(): it must stop accepting at once");
    }
}
