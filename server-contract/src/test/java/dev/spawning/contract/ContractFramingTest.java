package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

@OverTls
class ContractFramingTest {

    private static final App FIXED = request -> Response.builder(200)
            .header("Content-Type", "text/plain").header("X-Kind", "fixed").body("hello").build();
    private static final App STREAMED = request -> Response.builder(200).header("Content-Type", "text/plain")
            .body(out -> out.write("streamed".getBytes(StandardCharsets.UTF_8))).build();

    @ContractTest
    void answersHeadWithTheHeadersOfGetIncludingContentLengthAndNoBody(ContractServers servers) throws Exception {
        Server server = servers.start(FIXED);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply head = client.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n").readHead();
            RawHttp.Reply next = client.send(get("/")).read();

            assertThat(head.code()).isEqualTo(200);
            assertThat(head.header("Content-Length")).contains("5");
            assertThat(head.header("X-Kind")).contains("fixed");
            assertThat(next.status()).as("the next response follows the head directly").startsWith("HTTP/1.1 200");
            assertThat(next.text()).isEqualTo("hello");
        }
    }

    @ContractTest
    void sendsNoBodyToHeadForAStreamedResponse(ContractServers servers) throws Exception {
        Server server = servers.start(STREAMED);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply head = client.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n").readHead();
            RawHttp.Reply next = client.send(get("/")).read();

            assertThat(head.code()).isEqualTo(200);
            assertThat(next.status()).as("the next response follows the head directly").startsWith("HTTP/1.1 200");
            assertThat(next.text()).isEqualTo("streamed");
        }
    }

    @ContractTest
    void sendsNoBodyAndNoChunkedFramingWith204EvenWhenTheAppGaveOne(ContractServers servers) throws Exception {
        Server bytes = servers.start(request -> Response.builder(204).body("ignored").build());
        Server streamed = servers.start(request -> Response.builder(204).body(out -> out.write('x')).build());

        for (Server server : new Server[] {bytes, streamed}) {
            assertNoBodyTwice(server, 204);
        }
    }

    @ContractTest
    void sendsNoBodyAndNoChunkedFramingWith304(ContractServers servers) throws Exception {
        Server server = servers.start(request -> Response.builder(304).header("ETag", "\"v1\"")
                .body(out -> out.write('x')).build());

        assertNoBodyTwice(server, 304);
    }

    @ContractTest
    void chunksAStreamedBodyOnHttp11EvenWhenTheConnectionClosesAfterIt(ContractServers servers) throws Exception {
        Server server = servers.start(STREAMED);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").read();

            ContractAssertions.saysClose(reply);
            assertThat(reply.framing()).isEqualTo(RawHttp.Framing.CHUNKED);
            assertThat(reply.text()).isEqualTo("streamed");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @ContractTest
    void delimitsAStreamedBodyByClosingTheConnectionOnHttp10(ContractServers servers) throws Exception {
        Server server = servers.start(STREAMED);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();

            assertThat(reply.status()).startsWith("HTTP/1.0 200");
            ContractAssertions.saysClose(reply);
            assertThat(reply.header("Transfer-Encoding")).isEmpty();
            assertThat(reply.header("Content-Length")).isEmpty();
            assertThat(reply.framing()).isEqualTo(RawHttp.Framing.CLOSE);
            assertThat(reply.text()).isEqualTo("streamed");
        }
    }

    @ContractTest
    void addsDateAndServerUnlessTheAppSetThem(ContractServers servers) throws Exception {
        Server plain = servers.start(FIXED);
        Server own = servers.start(request -> Response.builder(200)
                .header("Server", "mine").header("Date", "Tue, 01 Jan 2030 00:00:00 GMT").build());

        try (RawHttp first = RawHttp.connect(plain); RawHttp second = RawHttp.connect(own)) {
            RawHttp.Reply added = first.send(get("/")).read();
            RawHttp.Reply kept = second.send(get("/")).read();

            assertThat(added.header("Server")).contains("spawning-" + servers.provider());
            assertThat(added.header("Date")).hasValueSatisfying(v -> DateTimeFormatter.RFC_1123_DATE_TIME.parse(v));
            assertThat(added.header("Date")).as("IMF-fixdate, RFC 9110 section 5.6.7: a two-digit day")
                    .hasValueSatisfying(v -> assertThat(v).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"));
            assertThat(kept.headers()).filteredOn(h -> h[0].equalsIgnoreCase("Server")).extracting(h -> h[1])
                    .containsExactly("mine");
            assertThat(kept.headers()).filteredOn(h -> h[0].equalsIgnoreCase("Date")).extracting(h -> h[1])
                    .containsExactly("Tue, 01 Jan 2030 00:00:00 GMT");
        }
    }

    @ContractTest
    void keepsRepeatedResponseHeaderFieldsInOrder(ContractServers servers) throws Exception {
        Server server = servers.start(request -> Response.builder(200)
                .header("Set-Cookie", "a=1").header("Set-Cookie", "b=2").body("").build());

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send(get("/")).read();

            assertThat(reply.headers()).filteredOn(h -> h[0].equalsIgnoreCase("Set-Cookie")).extracting(h -> h[1])
                    .containsExactly("a=1", "b=2");
        }
    }

    /** Two requests on one connection: the second parses only if the first response had no body bytes. */
    private static void assertNoBodyTwice(Server server, int status) throws Exception {
        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply first = client.send(get("/")).read();
            RawHttp.Reply second = client.send(get("/")).read();

            assertThat(first.code()).isEqualTo(status);
            assertThat(first.header("Transfer-Encoding")).isEmpty();
            assertThat(first.header("Content-Length").orElse("0")).isEqualTo("0");
            assertThat(second.status()).as("the next response follows directly").startsWith("HTTP/1.1 " + status);
        }
    }
}
