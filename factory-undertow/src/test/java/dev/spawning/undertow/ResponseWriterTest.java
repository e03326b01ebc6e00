package dev.spawning.undertow;

import dev.spawning.factory.testing.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResponseWriterTest {

    private static final App FIXED = request -> Response.text(200, "hello");
    private static final App STREAMED = request -> Response.builder(200)
            .header("Content-Type", "text/plain")
            .body(out -> {
                out.write("part one, ".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("part two".getBytes(StandardCharsets.UTF_8));
            })
            .build();

    @RegisterExtension
    final Servers servers = new Servers();

    @Test
    void givesAFixedBodyAContentLength() throws Exception {
        Server server = servers.start(FIXED);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(reply.status()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(reply.header("Content-Length")).contains("5");
            assertThat(reply.header("Transfer-Encoding")).isEmpty();
            assertThat(reply.framing()).isEqualTo(RawHttp.Framing.LENGTH);
            assertThat(reply.text()).isEqualTo("hello");
        }
    }

    @Test
    void chunksAStreamedBodyOnHttp11() throws Exception {
        Server server = servers.start(STREAMED);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(reply.header("Transfer-Encoding")).contains("chunked");
            assertThat(reply.header("Content-Length")).isEmpty();
            assertThat(reply.framing()).isEqualTo(RawHttp.Framing.CHUNKED);
            assertThat(reply.text()).isEqualTo("part one, part two");
        }
    }

    @Test
    void chunksAStreamedBodyOnHttp11EvenWhenTheConnectionClosesAfterIt() throws Exception {
        Server server = servers.start(STREAMED);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").read();

            assertThat(reply.header("Connection")).contains("close");
            assertThat(reply.framing()).isEqualTo(RawHttp.Framing.CHUNKED);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void delimitsAStreamedBodyByClosingTheConnectionOnHttp10() throws Exception {
        Server server = servers.start(STREAMED);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();

            assertThat(reply.status()).isEqualTo("HTTP/1.0 200 OK");
            assertThat(reply.header("Connection")).contains("close");
            assertThat(reply.header("Transfer-Encoding")).isEmpty();
            assertThat(reply.header("Content-Length")).isEmpty();
            assertThat(reply.framing()).isEqualTo(RawHttp.Framing.CLOSE);
            assertThat(reply.text()).isEqualTo("part one, part two");
        }
    }

    @Test
    void answersHeadWithTheHeadersOfGetAndNoBody() throws Exception {
        Server server = servers.start(FIXED);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply head = client.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n").readHead();
            RawHttp.Reply next = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(head.header("Content-Length")).contains("5");
            assertThat(next.status()).as("the next response follows the headers directly").isEqualTo("HTTP/1.1 200 OK");
            assertThat(next.text()).isEqualTo("hello");
        }
    }

    @Test
    void sendsNoBodyWith204EvenWhenTheAppGaveOne() throws Exception {
        Server server = servers.start(request -> Response.builder(204).body("ignored").build());

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply noContent = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();
            RawHttp.Reply next = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(noContent.status()).isEqualTo("HTTP/1.1 204 No Content");
            assertThat(noContent.header("Content-Length")).isEmpty();
            assertThat(next.status()).isEqualTo("HTTP/1.1 204 No Content");
        }
    }

    @Test
    void sendsNoBodyWith304() throws Exception {
        Server server = servers.start(request -> Response.builder(304).header("ETag", "\"v1\"").build());

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply notModified = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();
            RawHttp.Reply next = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(notModified.header("ETag")).contains("\"v1\"");
            assertThat(next.code()).isEqualTo(304);
        }
    }

    @Test
    void addsDateAndServerUnlessTheAppSetThem() throws Exception {
        Server plain = servers.start(FIXED);
        Server own = servers.start(request -> Response.builder(200)
                .header("Server", "mine").header("Date", "Tue, 01 Jan 2030 00:00:00 GMT").build());

        try (RawHttp first = RawHttp.connect(plain); RawHttp second = RawHttp.connect(own)) {
            RawHttp.Reply added = first.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();
            RawHttp.Reply kept = second.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(added.header("Server")).contains("spawning-undertow");
            assertThat(added.header("Date")).get().asString().endsWith(" GMT");
            assertThat(kept.header("Server")).contains("mine");
            assertThat(kept.header("Date")).contains("Tue, 01 Jan 2030 00:00:00 GMT");
        }
    }

    @Test
    void keepsRepeatedResponseHeaderFields() throws Exception {
        Server server = servers.start(request -> Response.builder(200)
                .header("Set-Cookie", "a=1").header("Set-Cookie", "b=2").body("").build());

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(reply.headers().stream().filter(h -> h[0].equals("Set-Cookie")).map(h -> h[1]))
                    .containsExactly("a=1", "b=2");
        }
    }
}
