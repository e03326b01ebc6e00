package dev.spawning.coroutine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.App;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.ServerFigures;
import dev.spawning.factory.Settings;
import dev.spawning.factory.StopReport;
import dev.spawning.factory.testing.RawHttp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the coroutine server decides where the contract leaves it room: how it counts the
 * connections its drain rule does not name, and the races inside its own connection loop.
 */
class CoroutineServerTest {

    private static final App HELLO = request -> Response.text(200, "hello " + request.target());

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private Server server;

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(Duration.ofMillis(200));
        }
    }

    @Test
    void refusesAHandedChannelInNonBlockingModeAndLeavesItsModeAlone() throws Exception {
        ServerSocketChannel listening = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        listening.configureBlocking(false);
        server = new CoroutineServerFactory().create(Settings.empty(), section(), listening);

        assertThatThrownBy(() -> server.start(HELLO))
                .isInstanceOf(FactoryException.class)
                .hasMessage("The handed listening channel is in non-blocking mode; the coroutine server accepts in"
                        + " blocking mode and never changes the mode of a socket it did not open, because every"
                        + " process that holds the socket shares it: leave it in blocking mode"
                        + " (configureBlocking(true))");
        assertThat(listening.isBlocking()).isFalse();
        assertThat(listening.isOpen()).as("a failed start closes the channel it owns").isFalse();
    }

    @Test
    void refusesAHandedUnixDomainChannel(@TempDir Path directory) throws Exception {
        Path path = directory.resolve("socket");
        ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                .bind(UnixDomainSocketAddress.of(path));
        server = new CoroutineServerFactory().create(Settings.empty(), section(), listening);

        assertThatThrownBy(() -> server.start(HELLO))
                .isInstanceOf(FactoryException.class)
                .hasMessage("The listening socket " + path + " is not an IP socket: the coroutine server serves"
                        + " HTTP over TCP/IP only");
    }

    @Test
    void countsALingeringConnectionAsOpenButNotInFlight() throws Exception {
        start(HELLO);
        try (RawHttp refused = RawHttp.connect(server); RawHttp silent = RawHttp.connect(server)) {
            assertThat(refused.send("NOT HTTP\r\n\r\n").read().code()).isEqualTo(400);
            Thread.sleep(100); // The server counts a connection busy until just after its last byte left.

            assertThat(server.figures()).as("the refused one lingers, the silent one waits for its request")
                    .contains(new ServerFigures(1, 1, 2));
            assertThat(silent.silentFor(1)).isTrue();
        }
    }

    @Test
    void closesAndCountsAsIdleAConnectionStillSilentAtHeaderTimeoutDuringAStop() throws Exception {
        start(HELLO, "header_timeout", "500ms");
        try (RawHttp silent = RawHttp.connect(server)) {
            Thread.sleep(100);
            StopReport report = server.stop(Duration.ofSeconds(5));

            assertThat(report.closedIdle()).as(report.toString()).isEqualTo(1);
            assertThat(report.cutOff()).as(report.toString()).isZero();
            assertThat(report.took()).as("header_timeout, not the grace").isLessThan(Duration.ofSeconds(2));
            assertThat(silent.closedByServer()).isTrue();
        }
    }

    @Test
    void closesIdleConnectionsAsIdleWhenTheGraceEndsBeforeTheIdleWindow() throws Exception {
        start(HELLO);
        try (RawHttp idle = RawHttp.connect(server)) {
            idle.send(get("/1")).read();
            Thread.sleep(100);
            StopReport report = server.stop(Duration.ofMillis(300));

            assertThat(report.closedIdle()).as(report.toString()).isEqualTo(1);
            assertThat(report.cutOff()).as(report.toString()).isZero();
            assertThat(report.took()).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void givesTheIdleWindowToAConnectionAnsweredWithKeepAliveAsTheStopBegan() throws Exception {
        App halfWay = request -> Response.builder(200).body(out -> {
            out.write("half".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            entered.countDown();
            awaitRelease();
            out.write(" way".getBytes(StandardCharsets.US_ASCII));
        }).build();
        start(halfWay);
        try (RawHttp client = RawHttp.connect(server)) {
            client.send(get("/1"));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<StopReport> stopping = stopAsync(Duration.ofSeconds(5));
            awaitRefusingConnections();
            release.countDown();
            RawHttp.Reply kept = client.read();
            RawHttp.Reply next = client.send(get("/2")).read();

            assertThat(kept.header("Connection")).as("its head left before the stop").isEmpty();
            assertThat(kept.text()).isEqualTo("half way");
            assertThat(next.header("Connection")).contains("close");
            StopReport report = stopping.get(5, TimeUnit.SECONDS);
            assertThat(report.completed()).as(report.toString()).isEqualTo(2);
            assertThat(report.closedIdle()).as(report.toString()).isZero();
        }
    }

    private void start(App app, String... keysAndValues) throws Exception {
        server = new CoroutineServerFactory().create(Settings.empty(), section(keysAndValues));
        server.start(app);
    }

    private static Settings section(String... keysAndValues) {
        Settings.Builder section = Settings.builder("server:main").put("port", "0");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            section.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return section.build();
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: h\r\n\r\n";
    }

    private void awaitRelease() throws IOException {
        try {
            release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException cut) {
            throw new IOException(cut);
        }
    }

    private CompletableFuture<StopReport> stopAsync(Duration grace) {
        return CompletableFuture.supplyAsync(() -> server.stop(grace), Thread.ofVirtual()::start);
    }

    /** Waits until the listening channel is closed, which shows the stop has begun. */
    private void awaitRefusingConnections() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", server.addresses().getFirst().getPort())) {
                probe.setSoLinger(true, 0);
                Thread.sleep(10);
            } catch (ConnectException refused) {
                return;
            }
        }
        throw new IOException("still accepting 2 s after stop()");
    }
}
