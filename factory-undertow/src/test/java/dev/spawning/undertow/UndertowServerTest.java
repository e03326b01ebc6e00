package dev.spawning.undertow;

import dev.spawning.factory.testing.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.App;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.Settings;
import dev.spawning.factory.StopReport;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UndertowServerTest {

    private static final App HELLO = request -> Response.text(200, "hello " + request.target());

    @RegisterExtension
    final Servers servers = new Servers();

    @Test
    void listensOnTheRealPortWhenAskedForAnEphemeralOne() throws Exception {
        Server server = new UndertowServerFactory().create(Settings.empty(), Settings.of(Map.of("port", "0")));
        assertThat(server.addresses()).isEmpty();

        servers.start(server, HELLO);

        InetSocketAddress address = server.addresses().getFirst();
        assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(address.getPort()).isPositive();
        assertThat(server.gracefulTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusesASecondStart() throws Exception {
        Server server = servers.start(HELLO);

        assertThatThrownBy(() -> server.start(HELLO))
                .isInstanceOf(FactoryException.class)
                .hasMessage("start() already called");
    }

    @Test
    void namesTheAddressWhenItIsAlreadyInUseAndStaysStopped() throws Exception {
        Server first = servers.start(HELLO);
        int port = Servers.port(first);
        Server second = new UndertowServerFactory().create(Settings.empty(), Settings.of(Map.of("port", Integer.toString(port))));

        assertThatThrownBy(() -> second.start(HELLO))
                .isInstanceOf(BindException.class)
                .hasMessage("Address already in use: 127.0.0.1:" + port);
        assertThat(second.addresses()).isEmpty();
        second.await();
        assertThat(second.stop(Duration.ofSeconds(1))).isEqualTo(new StopReport(0, 0, 0, Duration.ZERO));
    }

    @Test
    void keepsAnHttp11ConnectionOpenForTheNextRequest() throws Exception {
        Server server = servers.start(HELLO);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply first = client.send("GET /1 HTTP/1.1\r\nHost: x\r\n\r\n").read();
            RawHttp.Reply second = client.send("GET /2 HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(first.header("Connection")).isEmpty();
            assertThat(second.text()).isEqualTo("hello /2");
        }
    }

    @Test
    void answersPipelinedRequestsInOrder() throws Exception {
        Server server = servers.start(HELLO);

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\nGET /c HTTP/1.1\r\nHost: x\r\n\r\n");

            assertThat(client.read().text()).isEqualTo("hello /a");
            assertThat(client.read().text()).isEqualTo("hello /b");
            assertThat(client.read().text()).isEqualTo("hello /c");
        }
    }

    @Test
    void closesAfterTheResponseWhenTheClientSaysConnectionClose() throws Exception {
        Server server = servers.start(HELLO);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").read();

            assertThat(reply.header("Connection")).contains("close");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void closesAnHttp10ConnectionUnlessTheClientAsksForKeepAlive() throws Exception {
        Server server = servers.start(HELLO);

        try (RawHttp plain = RawHttp.connect(server); RawHttp keepAlive = RawHttp.connect(server)) {
            RawHttp.Reply closing = plain.send("GET / HTTP/1.0\r\n\r\n").read();
            RawHttp.Reply kept = keepAlive.send("GET /1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
            RawHttp.Reply again = keepAlive.send("GET /2 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();

            assertThat(closing.status()).isEqualTo("HTTP/1.0 200 OK");
            assertThat(closing.header("Connection")).contains("close");
            assertThat(plain.closedByServer()).isTrue();
            assertThat(kept.header("Connection")).contains("keep-alive");
            assertThat(again.text()).isEqualTo("hello /2");
        }
    }

    @Test
    void closesAfterEveryResponseWhenKeepaliveIsOff() throws Exception {
        Server server = servers.start(HELLO, "keepalive", "false");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(reply.header("Connection")).contains("close");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void closesAConnectionIdleForLongerThanIdleTimeout() throws Exception {
        Server server = servers.start(HELLO, "idle_timeout", "200ms");

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void answers408WithDateServerAndCloseToAHeadNotCompleteWithinHeaderTimeout() throws Exception {
        Server server = servers.start(HELLO, "header_timeout", "200ms");

        try (RawHttp client = RawHttp.connect(server)) {
            long begin = System.nanoTime();
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\n").read();

            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(reply.status()).isEqualTo("HTTP/1.1 408 Request Timeout");
            assertThat(reply.header("Connection")).contains("close");
            assertThat(reply.header("Server")).contains("spawning-undertow");
            assertThat(reply.header("Date")).isPresent();
            assertThat(reply.text()).isEqualTo("Request Timeout\n");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void servesOtherClientsWhileOneHeadStalls() throws Exception {
        Server server = servers.start(HELLO, "header_timeout", "1s");

        try (RawHttp stalled = RawHttp.connect(server); RawHttp other = RawHttp.connect(server)) {
            stalled.send("GET /stalled HTTP/1.1\r\nHo");

            assertThat(other.send("GET /other HTTP/1.1\r\nHost: x\r\n\r\n").read().text()).isEqualTo("hello /other");
            assertThat(stalled.read().code()).isEqualTo(408);
        }
    }

    @Test
    void timesEachHeadFromItsOwnFirstByteOnAKeepAliveConnection() throws Exception {
        Server server = servers.start(HELLO, "header_timeout", "400ms");

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send("GET /first HTTP/1.1\r\nHost: x\r\n\r\n").read().code()).isEqualTo(200);
            assertThat(client.silentFor(300)).isTrue();
            client.send("GET /second HTTP/1.1\r\n");
            assertThat(client.silentFor(200)).as("300 ms after the first head, 200 ms into the second").isTrue();

            assertThat(client.send("Host: x\r\n\r\n").read().text()).isEqualTo("hello /second");
        }
    }

    @Test
    void startsServesAndStopsWithoutASunMiscUnsafeWarningOnThisJdk() throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
                UnsafeWarningProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.waitFor()).as(output).isZero();
        assertThat(output).contains("probe 0").doesNotContain("sun.misc.Unsafe").doesNotContain("WARNING: A terminally");
    }

    @Test
    void refusesConnectionsOnceStopped() throws Exception {
        Server server = servers.start(HELLO);
        int port = Servers.port(server);

        server.stop(Duration.ofSeconds(1));

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }
}
