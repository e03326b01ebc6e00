package dev.spawning.undertow;

import dev.spawning.factory.testing.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AppCallTest {

    @RegisterExtension
    final Servers servers = new Servers();

    @Test
    void answers500WithConnectionCloseAndAGenericTextWhenTheAppThrows() throws Exception {
        Server server = servers.start(request -> {
            throw new IllegalStateException("database password is hunter2");
        });

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET /boom HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(reply.status()).isEqualTo("HTTP/1.1 500 Internal Server Error");
            assertThat(reply.header("Connection")).contains("close");
            assertThat(reply.header("Content-Type")).contains("text/plain; charset=utf-8");
            assertThat(reply.text()).isEqualTo("Internal Server Error\n");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void sendsTheExceptionInThe500WhenDebugIsOn() throws Exception {
        Server server = servers.start(request -> {
            throw new IllegalStateException("visible in debug");
        }, "debug", "true");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(reply.text()).startsWith("Internal Server Error\n\njava.lang.IllegalStateException: visible in debug\n"
                    + "\tat dev.spawning.undertow.AppCallTest");
        }
    }

    @Test
    void answers500WhenTheAppReturnsNoResponse() throws Exception {
        Server server = servers.start(request -> null);

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().code()).isEqualTo(500);
        }
    }

    @Test
    void answers500WhenAStreamedBodyFailsBeforeAnyOfItWasSent() throws Exception {
        Server server = servers.start(request -> Response.builder(200).body(out -> {
            out.write("never sent".getBytes(StandardCharsets.UTF_8));
            throw new IOException("failed before flushing");
        }).build());

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(reply.code()).isEqualTo(500);
            assertThat(reply.text()).isEqualTo("Internal Server Error\n");
        }
    }

    @Test
    void cutsTheConnectionSoTheChunkedBodyIsTruncatedWhenStreamingFails() throws Exception {
        Server server = servers.start(request -> Response.builder(200).body(out -> {
            out.write("first part".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("the feed went away");
        }).build());

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(reply.status()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(reply.framing()).isEqualTo(RawHttp.Framing.TRUNCATED);
            assertThat(reply.text()).isEqualTo("first part");
        }
    }

    @Test
    void runsAppsOnVirtualThreadsByDefaultAndOnPlatformThreadsWhenThreadsIsSet() throws Exception {
        Server virtual = servers.start(request -> Response.text(200, Boolean.toString(Thread.currentThread().isVirtual())));
        Server pooled = servers.start(request -> Response.text(200, Boolean.toString(Thread.currentThread().isVirtual())),
                "threads", "2");

        try (RawHttp first = RawHttp.connect(virtual); RawHttp second = RawHttp.connect(pooled)) {
            assertThat(first.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().text()).isEqualTo("true");
            assertThat(second.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().text()).isEqualTo("false");
        }
    }
}
