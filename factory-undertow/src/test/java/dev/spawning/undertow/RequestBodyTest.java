package dev.spawning.undertow;

import dev.spawning.factory.testing.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestBodyTest {

    private static final App ECHO = request -> Response.text(200, "got " + new String(request.readBody(), StandardCharsets.UTF_8));

    @RegisterExtension
    final Servers servers = new Servers();

    @Test
    void givesTheAppAFixedLengthBody() throws Exception {
        Server server = servers.start(ECHO);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello").read();

            assertThat(reply.text()).isEqualTo("got hello");
        }
    }

    @Test
    void givesTheAppAChunkedBodyAndItsTrailersOnceRead() throws Exception {
        Server server = servers.start(request -> {
            String body = new String(request.readBody(), StandardCharsets.UTF_8);
            return Response.text(200, body + "|" + request.trailers().first("X-Checksum").orElse("none"));
        });

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: abc\r\n\r\n").read();

            assertThat(reply.text()).isEqualTo("hello world|abc");
        }
    }

    @Test
    void readsTheBodyOnlyWhenTheAppDoesWhichIsWhenItSends100Continue() throws Exception {
        CountDownLatch mayRead = new CountDownLatch(1);
        Server server = servers.start(request -> {
            mayRead.await(5, TimeUnit.SECONDS);
            return ECHO.handle(request);
        });

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");

            assertThat(client.silentFor(300)).as("no 100 Continue before the app reads").isTrue();
            mayRead.countDown();
            assertThat(client.readInterim()).isEqualTo("HTTP/1.1 100 Continue");
            RawHttp.Reply reply = client.send("hello").read();
            assertThat(reply.text()).isEqualTo("got hello");
            assertThat(reply.header("Connection")).isEmpty();
        }
    }

    @Test
    void sendsNo100ContinueAndClosesWhenTheAppAnswersWithoutReading() throws Exception {
        Server server = servers.start(request -> Response.text(403, "no upload for you"));

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send(
                    "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-Continue\r\n\r\n").read();

            assertThat(reply.status()).isEqualTo("HTTP/1.1 403 Forbidden");
            assertThat(reply.header("Connection")).contains("close");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void answers413AndClosesWhenAChunkedBodyOutgrowsMaxBodySize() throws Exception {
        Server server = servers.start(ECHO, "max_body_size", "8");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "6\r\nhello \r\n6\r\nworld!\r\n0\r\n\r\n").read();

            assertThat(reply.status()).isEqualTo("HTTP/1.1 413 Content Too Large");
            assertThat(reply.header("Connection")).contains("close");
            assertThat(reply.text()).isEqualTo("Content Too Large\n");
        }
    }

    @Test
    void drainsASmallUnreadBodyAndKeepsTheConnection() throws Exception {
        Server server = servers.start(request -> Response.text(200, "unread"));

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply first = client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello").read();
            RawHttp.Reply second = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(first.header("Connection")).isEmpty();
            assertThat(second.text()).isEqualTo("unread");
        }
    }

    @Test
    void answers400WhenTheTrailersNameAFieldThatFramesOrRoutesTheMessage() throws Exception {
        Server server = servers.start(ECHO);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n0\r\nContent-Length: 99\r\n\r\n").read();

            assertThat(reply.code()).isEqualTo(400);
            assertThat(reply.header("Connection")).contains("close");
        }
    }

    @Test
    void answers400ToAChunkSizeUndertowWouldReadPast() throws Exception {
        Server server = servers.start(ECHO);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n6_0\r\n world\r\n0\r\n\r\n").read();

            assertThat(reply.code()).isEqualTo(400);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void answers400AndClosesWhenTheClientsCloseCutsADeclaredBodyShort() throws Exception {
        Server server = servers.start(ECHO);

        try (Socket socket = new Socket("127.0.0.1", Servers.port(server))) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhel".getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(reply).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("\r\nConnection: close\r\n")
                    .endsWith("\r\n\r\nBad Request\n");
        }
    }
}
