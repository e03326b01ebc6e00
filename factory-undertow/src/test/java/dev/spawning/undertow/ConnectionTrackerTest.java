package dev.spawning.undertow;

import dev.spawning.factory.testing.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.ServerFigures;
import dev.spawning.factory.StopReport;
import dev.spawning.factory.server.Drain;
import dev.spawning.factory.server.ServerSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xnio.OptionMap;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/** Graceful stop, as the tracker of connections makes it happen. */
class ConnectionTrackerTest {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @RegisterExtension
    final Servers servers = new Servers();

    @Test
    void countsAConnectionAsARequestInFlightFromTheMomentItIsAccepted() throws Exception {
        ConnectionTracker tracker = new ConnectionTracker(ServerSettings.DEFAULTS);
        CompletableFuture<ServerFigures> atAccept = new CompletableFuture<>();
        XnioWorker worker = Xnio.getInstance(ConnectionTrackerTest.class.getClassLoader()).createWorkerBuilder().build();
        try (ServerSocketChannel listening = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                XnioAcceptor acceptor = XnioAcceptor.serve(worker, () -> listening, OptionMap.EMPTY, connection -> {
                    tracker.accepted(connection, opened -> opened.setCloseListener(closed -> { }));
                    atAccept.complete(tracker.figures());
                });
                Socket client = new Socket(InetAddress.getLoopbackAddress(), acceptor.address().getPort())) {
            assertThat(atAccept.get(5, TimeUnit.SECONDS)).as("on the accept thread, before an IO thread has it")
                    .isEqualTo(new ServerFigures(0, 1, 1));
            assertThat(client.isConnected()).isTrue();
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void completesTheRequestInFlightWithConnectionCloseAndClosesTheIdleConnectionAfterItsWindow() throws Exception {
        Server server = servers.start(request -> {
            if (request.target().equals("/slow")) {
                entered.countDown();
                release.await();
            }
            return Response.text(200, "done " + request.target());
        });

        try (RawHttp busy = RawHttp.connect(server); RawHttp idle = RawHttp.connect(server)) {
            idle.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n").read();
            busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            awaitCondition(() -> server.figures().orElseThrow().requestsInFlight() == 1);

            CompletableFuture<StopReport> stopping = CompletableFuture.supplyAsync(() -> server.stop(Duration.ofSeconds(10)));
            assertThat(idle.closedByServer()).as("the idle keep-alive connection is closed").isTrue();
            release.countDown();
            RawHttp.Reply reply = busy.read();
            StopReport report = stopping.get(10, TimeUnit.SECONDS);

            assertThat(reply.text()).isEqualTo("done /slow");
            assertThat(reply.header("Connection")).contains("close");
            assertThat(busy.closedByServer()).isTrue();
            assertThat(report.completed()).isEqualTo(1);
            assertThat(report.closedIdle()).isEqualTo(1);
            assertThat(report.cutOff()).isZero();
            assertThat(report.took()).isGreaterThanOrEqualTo(Drain.IDLE_WINDOW).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void servesARequestWhoseHeadWasPartlyReadWhenTheStopBegan() throws Exception {
        Server server = servers.start(request -> Response.text(200, "late " + request.target()));

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("GET /late HTTP/1.1\r\nHo");
            awaitCondition(() -> ((UndertowServer) server).headsBegun() == 1);

            CompletableFuture<StopReport> stopping = CompletableFuture.supplyAsync(() -> server.stop(Duration.ofSeconds(10)));
            assertThat(client.silentFor(300)).as("the connection stays open for the rest of the head").isTrue();
            RawHttp.Reply reply = client.send("st: x\r\n\r\n").read();
            StopReport report = stopping.get(10, TimeUnit.SECONDS);

            assertThat(reply.text()).isEqualTo("late /late");
            assertThat(reply.header("Connection")).contains("close");
            assertThat(client.closedByServer()).isTrue();
            assertThat(report.completed()).isEqualTo(1);
            assertThat(report.closedIdle()).isZero();
            assertThat(report.cutOff()).isZero();
        }
    }

    /** Waits (yielding, without sleeping) until the server has finished with the fast request. */
    private static void awaitCondition(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.yield();
        }
    }

    @Test
    void closesAStreamingResponsesConnectionOnceItsBodyEnds() throws Exception {
        Server server = servers.start(request -> Response.builder(200).body(out -> {
            out.write("started ".getBytes());
            out.flush();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            out.write("and finished".getBytes());
        }).build());

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<StopReport> stopping = CompletableFuture.supplyAsync(() -> server.stop(Duration.ofSeconds(10)));
            release.countDown();
            RawHttp.Reply reply = client.read();

            assertThat(reply.framing()).isEqualTo(RawHttp.Framing.CHUNKED);
            assertThat(reply.text()).isEqualTo("started and finished");
            assertThat(client.closedByServer()).isTrue();
            assertThat(stopping.get(10, TimeUnit.SECONDS).cutOff()).isZero();
        }
    }

    @Test
    void cutsOffWhatIsStillRunningWhenTheGracePeriodEnds() throws Exception {
        Server server = servers.start(request -> {
            entered.countDown();
            release.await();
            return Response.text(200, "too late");
        });

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

            StopReport report = server.stop(Duration.ofMillis(200));

            assertThat(report.cutOff()).isEqualTo(1);
            assertThat(report.completed()).isZero();
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void returnsTheFirstReportToALaterStopAndReleasesAwait() throws Exception {
        Server server = servers.start(request -> Response.text(200, "ok"));
        CompletableFuture<Void> awaiting = CompletableFuture.runAsync(() -> {
            try {
                server.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });

        StopReport first = server.stop(Duration.ofSeconds(1));
        StopReport second = server.stop(Duration.ofSeconds(5));

        assertThat(second).isSameAs(first);
        awaiting.get(5, TimeUnit.SECONDS);
    }
}
