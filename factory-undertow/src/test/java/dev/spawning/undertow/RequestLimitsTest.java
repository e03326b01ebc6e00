package dev.spawning.undertow;

import dev.spawning.factory.testing.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestLimitsTest {

    private final AtomicInteger appCalls = new AtomicInteger();
    private final App counting = request -> {
        appCalls.incrementAndGet();
        return Response.text(200, "ok");
    };

    @RegisterExtension
    final Servers servers = new Servers();

    @Test
    void answers414AndClosesForARequestLineOverTheUrlLengthLimit() throws Exception {
        Server server = servers.start(counting, "url_length_limit", "100");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET /" + "a".repeat(100) + " HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(reply.status()).isEqualTo("HTTP/1.1 414 URI Too Long");
            assertThat(reply.header("Connection")).contains("close");
            assertThat(reply.text()).isEqualTo("URI Too Long\n");
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(appCalls).hasValue(0);
    }

    @Test
    void acceptsARequestLineOfExactlyTheUrlLengthLimit() throws Exception {
        Server server = servers.start(counting, "url_length_limit", "100");
        String line = "GET /" + "a".repeat(100 - "GET / HTTP/1.1".length()) + " HTTP/1.1";

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(line).hasSize(100);
            assertThat(client.send(line + "\r\nHost: x\r\n\r\n").read().code()).isEqualTo(200);
        }
    }

    @Test
    void answers431AndClosesForAHeaderLineOverMaxHeaderLine() throws Exception {
        Server server = servers.start(counting, "max_header_line", "100");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + "v".repeat(100) + "\r\n\r\n").read();

            assertThat(reply.status()).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
            assertThat(reply.header("Connection")).contains("close");
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(appCalls).hasValue(0);
    }

    @Test
    void acceptsAHeaderLineWhoseLengthWithCrlfIsJustUnderMaxHeaderLine() throws Exception {
        Server server = servers.start(counting, "max_header_line", "100");
        String fits = "X-Long: " + "v".repeat(89) + "\r\n";
        String over = "X-Long: " + "v".repeat(90) + "\r\n";

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(fits).hasSize(99);
            assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n" + fits + "\r\n").read().code()).isEqualTo(200);
            assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n" + over + "\r\n").read().code()).isEqualTo(431);
        }
    }

    @Test
    void answers431ForHeadersTogetherOverMaxHeadersSize() throws Exception {
        Server server = servers.start(counting, "max_headers_size", "200");
        String headers = "X-A: " + "a".repeat(60) + "\r\nX-B: " + "b".repeat(60) + "\r\nX-C: " + "c".repeat(60) + "\r\n";

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n").read();

            assertThat(reply.code()).isEqualTo(431);
        }
    }

    @Test
    void answers431ForAHeadOverMaxHeadersSize() throws Exception {
        Server server = servers.start(counting, "url_length_limit", "100", "max_headers_size", "200");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "v".repeat(1000) + "\r\n\r\n").read();

            assertThat(reply.status()).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
            assertThat(reply.header("Connection")).contains("close");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void answers431ForMoreHeaderFieldsThanMaxHeaderCount() throws Exception {
        Server server = servers.start(counting, "max_header_count", "5");
        String headers = "X-H: v\r\n".repeat(5);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n").read();

            assertThat(reply.status()).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(appCalls).hasValue(0);
    }

    @Test
    void answers413WithoutSending100ContinueForADeclaredBodyOverMaxBodySize() throws Exception {
        Server server = servers.start(counting, "max_body_size", "10");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send(
                    "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n").read();

            assertThat(reply.status()).isEqualTo("HTTP/1.1 413 Content Too Large");
            assertThat(reply.header("Connection")).contains("close");
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(appCalls).hasValue(0);
    }

    @Test
    void answers400ToAnHttp11RequestWithoutHost() throws Exception {
        Server server = servers.start(counting);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\n\r\n").read();

            assertThat(reply.code()).isEqualTo(400);
            assertThat(reply.header("Connection")).contains("close");
        }
        assertThat(appCalls).hasValue(0);
    }

    @Test
    void acceptsAnHttp10RequestWithoutHost() throws Exception {
        Server server = servers.start(counting);

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send("GET / HTTP/1.0\r\n\r\n").read().code()).isEqualTo(200);
        }
    }
}
