package dev.spawning.undertow;

import dev.spawning.factory.testing.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.App;
import dev.spawning.factory.Header;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HeadChecksTest {

    private final AtomicInteger appCalls = new AtomicInteger();

    /** Answers with the target, the header fields and the body the app was given. */
    private final App describing = request -> {
        appCalls.incrementAndGet();
        String fields = request.headers().asList().stream().map(Header::name).collect(Collectors.joining(","));
        return Response.text(200, request.target() + " [" + fields + "] "
                + new String(request.readBody(), StandardCharsets.ISO_8859_1));
    };

    @RegisterExtension
    final Servers servers = new Servers();

    @Test
    void answers400WithDateAndServerToAnHttp11RequestWithoutHostByDefault() throws Exception {
        Server server = servers.start(describing);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n").read();

            assertThat(reply.status()).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(reply.header("Connection")).contains("close");
            assertThat(reply.header("Server")).contains("spawning-undertow");
            assertThat(reply.header("Date")).isPresent();
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(appCalls).hasValue(0);
    }

    @Test
    void handsAnHttp11RequestWithoutHostToTheAppWithoutAHostFieldWhenRequireHostIsFalse() throws Exception {
        Server server = servers.start(describing, "require_host", "false");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET /no-host HTTP/1.1\r\nAccept: */*\r\n\r\n").read();

            assertThat(reply.text()).isEqualTo("/no-host [Accept] ");
            assertThat(reply.header("Connection")).isEmpty();
        }
    }

    @Test
    void keepsPipelinedRequestsApartWhenHostIsMissingFromSomeOfThem() throws Exception {
        Server server = servers.start(describing, "require_host", "false");
        String chunked = "POST /chunked HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "a\r\nGET / \r\n\r\n\r\n4\r\nbody\r\n0\r\nX-Trailer: t\r\n\r\n";

        try (RawHttp client = RawHttp.connect(server)) {
            client.send(chunked + "GET /with-host HTTP/1.1\r\nHost: h\r\n\r\n"
                    + "POST /sized HTTP/1.1\r\nContent-Length: 4\r\n\r\n\r\n\r\n" + "GET /bare HTTP/1.1\r\n\r\n");

            assertThat(client.read().text()).isEqualTo("/chunked [Transfer-Encoding] GET / \r\n\r\nbody");
            assertThat(client.read().text()).isEqualTo("/with-host [Host] ");
            assertThat(client.read().text()).isEqualTo("/sized [Content-Length] \r\n\r\n");
            assertThat(client.read().text()).isEqualTo("/bare [] ");
        }
    }

    @Test
    void refusesAFoldedHeaderLineWith400() throws Exception {
        assertRefused("GET / HTTP/1.1\r\nHost: x\r\nLong: one\r\n two\r\n\r\n", "HTTP/1.1 400 Bad Request");
    }

    @Test
    void refusesChunkedFramingOnHttp10With400() throws Exception {
        assertRefused("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", "HTTP/1.0 400 Bad Request");
    }

    @Test
    void refusesARepeatedContentTypeWith400() throws Exception {
        assertRefused("GET / HTTP/1.1\r\nHost: x\r\nContent-Type: a/b\r\nContent-Type: c/d\r\n\r\n",
                "HTTP/1.1 400 Bad Request");
    }

    @Test
    void answers501ToATransferCodingBesidesChunked() throws Exception {
        assertRefused("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                "HTTP/1.1 501 Not Implemented");
    }

    @Test
    void answersRequestsUndertowCannotParseWith400CarryingDateAndServer() throws Exception {
        RawHttp.Reply reply = assertRefused("GET /foo FTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 400 Bad Request");

        assertThat(reply.header("Server")).contains("spawning-undertow");
        assertThat(reply.header("Date")).isPresent();
        assertThat(reply.text()).isEqualTo("Bad Request\n");
    }

    @Test
    void handsTheAppTheTargetAsSent() throws Exception {
        Server server = servers.start(describing);

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send("GET /p? HTTP/1.1\r\nHost: x\r\n\r\n").read().text()).startsWith("/p? ");
            assertThat(client.send("GET /\u00c3\u00a0%20k HTTP/1.1\r\nHost: x\r\n\r\n").read().text())
                    .startsWith("/\u00c3\u00a0%20k ");
            assertThat(client.send("GET http://user:pw@example.com:8080/a?q HTTP/1.1\r\nHost: example.com:8080\r\n\r\n")
                    .read().text()).startsWith("http://user:pw@example.com:8080/a?q ");
        }
    }

    private RawHttp.Reply assertRefused(String request, String status) throws Exception {
        Server server = servers.start(describing);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send(request).read();

            assertThat(reply.status()).isEqualTo(status);
            assertThat(reply.header("Connection")).contains("close");
            assertThat(client.closedByServer()).isTrue();
            assertThat(appCalls).hasValue(0);
            return reply;
        }
    }
}
