package dev.spawning.factory.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The test client tells a body cut by a close from a server that stops sending and waits. */
class RawHttpTest {

    private static final String CHUNKED_HEAD = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

    private final ServerSocket listening = listen();
    private Socket accepted;

    @AfterEach
    void close() throws Exception {
        if (accepted != null) {
            accepted.close();
        }
        listening.close();
    }

    @Test
    void aChunkedBodyCutByTheServersCloseIsTruncated() throws Exception {
        try (RawHttp client = connect()) {
            serve(CHUNKED_HEAD + "5\r\nfirst\r\n").close();

            RawHttp.Reply reply = client.read();

            assertThat(reply.framing()).isEqualTo(RawHttp.Framing.TRUNCATED);
            assertThat(reply.text()).isEqualTo("first");
        }
    }

    @Test
    void aChunkedBodyWhoseServerStopsSendingWithoutClosingIsStalled() throws Exception {
        try (RawHttp client = connect()) {
            serve(CHUNKED_HEAD + "5\r\nfirst\r\n");

            assertThat(client.read().framing()).isEqualTo(RawHttp.Framing.STALLED);
        }
    }

    @Test
    void aLengthBodyCutShortIsTruncatedAndOneThatStallsIsStalled() throws Exception {
        try (RawHttp client = connect()) {
            serve("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nfirst").close();

            assertThat(client.read().framing()).isEqualTo(RawHttp.Framing.TRUNCATED);
        }
        try (RawHttp client = connect()) {
            serve("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nfirst");

            assertThat(client.read().framing()).isEqualTo(RawHttp.Framing.STALLED);
        }
    }

    private RawHttp connect() throws Exception {
        return RawHttp.connect((InetSocketAddress) listening.getLocalSocketAddress(), Duration.ofMillis(300));
    }

    /** Accepts the client's connection and sends {@code response}; returns the server's socket. */
    private Socket serve(String response) throws Exception {
        accepted = listening.accept();
        OutputStream out = accepted.getOutputStream();
        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return accepted;
    }

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (java.io.IOException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
