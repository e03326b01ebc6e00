package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.HELLO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;

/**
 * The rules of the specification's "Strict parsing", one test each, on every provider: each
 * request gets exactly the status the rule names and the connection closes; a refused head never
 * reaches the app, and a refused body is never read whole by it.
 */
class ContractStrictParsingTest {

    private static final String CHUNKED_POST = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";

    private final ContractApps.Calls calls = new ContractApps.Calls();

    /** Bodies the app read to their end; a refused body must never be one. */
    private final AtomicInteger wholeBodies = new AtomicInteger();

    /** Reads the whole body, then answers {@code got N bytes}. */
    private final App readsBody = request -> {
        int length = request.readBody().length;
        wholeBodies.incrementAndGet();
        return Response.text(200, "got " + length + " bytes");
    };

    @ContractTest
    void refusesATargetWithACharacterRfc3986DoesNotAllowWith400(ContractServers servers) throws Exception {
        refusesEach(servers, 400, List.of(
                line("GET /a\u0000b HTTP/1.1"),
                line("GET /a\u0001b HTTP/1.1"),
                line("GET /a\u007fb HTTP/1.1"),
                line("GET /caf\u00c3\u00a9 HTTP/1.1"),
                line("GET /\u00c0\u00af HTTP/1.1"),
                line("GET /a\"b HTTP/1.1"),
                line("GET /a{b} HTTP/1.1"),
                line("GET /a#b HTTP/1.1"),
                line("GET /a%zz HTTP/1.1"),
                line("GET /a%4 HTTP/1.1"),
                line("GET /a[b] HTTP/1.1")));
    }

    @ContractTest
    void servesEveryCharacterRfc3986AllowsInATarget(ContractServers servers) throws Exception {
        Server server = servers.start(request -> Response.text(200, request.target()));
        String target = "/AZaz09-._~!$&'()*+,;=:@/%41?q=/?%7e";

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(line("GET " + target + " HTTP/1.1")).read().text()).isEqualTo(target);
        }
    }

    @ContractTest
    void refusesAMethodLongerThanAnyMethodWith400NotWith414(ContractServers servers) throws Exception {
        refusesEach(servers, 400, List.of(
                line("A".repeat(33) + " / HTTP/1.1"),
                line("A".repeat(10_000) + " / HTTP/1.1"),
                line("GET" + "/".repeat(10_000) + " HTTP/1.1")));
    }

    @ContractTest
    void servesHttp1WithAHigherMinorVersionAsHttp11(ContractServers servers) throws Exception {
        Server server = servers.start(request -> Response.text(200, request.version()));

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send(line("GET / HTTP/1.2")).read();

            assertThat(reply.status()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(reply.text()).isEqualTo("HTTP/1.1");
        }
    }

    @ContractTest
    void refusesAWellFormedVersionOfAnotherMajorNumberWith505(ContractServers servers) throws Exception {
        refusesEach(servers, 505, List.of(line("GET / HTTP/2.0"), line("GET / HTTP/9.9"), line("GET / HTTP/0.9")));
    }

    @ContractTest
    void refusesAMalformedVersionWith400(ContractServers servers) throws Exception {
        refusesEach(servers, 400, List.of(
                line("GET / HTTP/0.99"),
                line("GET / HTTP/111"),
                line("GET / http/1.1"),
                line("GET / FTP/1.1"),
                line("GET / HTTP/1"),
                line("GET /")));
    }

    @ContractTest
    void refusesAHostThatIsNotAHostAndAnOptionalPortWith400(ContractServers servers) throws Exception {
        refusesEach(servers, 400, List.of(
                "GET / HTTP/1.1\r\nHost:\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a, b\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a b\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: user@host\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: host/path\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: host:99999\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: host:http\r\n\r\n",
                "GET / HTTP/1.0\r\nHost: a, b\r\n\r\n",
                "GET http://example.com/ HTTP/1.1\r\nHost: a, b\r\n\r\n"));
    }

    @ContractTest
    void servesAValidHostWithAnAbsoluteTargetWhoseAuthorityDiffers(ContractServers servers) throws Exception {
        Server server = servers.start(request -> Response.text(200, request.target() + " " + request.header("Host").orElse("")));

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET http://example.com:8080/p HTTP/1.1\r\nHost: [::1]:80\r\n\r\n").read();

            assertThat(reply.text()).isEqualTo("http://example.com:8080/p [::1]:80");
        }
    }

    @ContractTest
    void refusesAFinalTransferCodingOtherThanChunkedWith400(ContractServers servers) throws Exception {
        refusesEach(servers, 400, List.of(
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n"));
    }

    @ContractTest
    void refusesAnUnknownCodingBeforeChunkedWith501(ContractServers servers) throws Exception {
        refusesEach(servers, 501, List.of(
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"));
    }

    @ContractTest
    void checksAMissingHostBeforeTheTransferCodings(ContractServers servers) throws Exception {
        refusesEach(servers, 400, List.of("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"));
    }

    @ContractTest
    void refusesAChunkSizeLineThatIsNotHexDigitsAndExtensionsWith400(ContractServers servers) throws Exception {
        refusesBodies(servers, List.of(
                CHUNKED_POST + "+5\r\nhello\r\n0\r\n\r\n",
                CHUNKED_POST + "0x5\r\nhello\r\n0\r\n\r\n",
                CHUNKED_POST + "5 \r\nhello\r\n0\r\n\r\n",
                CHUNKED_POST + "5\t\r\nhello\r\n0\r\n\r\n",
                CHUNKED_POST + " 5\r\nhello\r\n0\r\n\r\n",
                CHUNKED_POST + "5\rhello\r\n0\r\n\r\n",
                CHUNKED_POST + "5\nhello\r\n0\r\n\r\n",
                CHUNKED_POST + "5\r\nhello\n0\r\n\r\n",
                CHUNKED_POST + "5\r\nhello\r\n0\r\n\n",
                CHUNKED_POST + "5\r\nhello\r\n6_0\r\n world\r\n0\r\n\r\n"));
    }

    @ContractTest
    void refusesAMalformedChunkExtensionWith400(ContractServers servers) throws Exception {
        refusesBodies(servers, List.of(
                CHUNKED_POST + "5;\r\nhello\r\n0\r\n\r\n",
                CHUNKED_POST + "5;=v\r\nhello\r\n0\r\n\r\n",
                CHUNKED_POST + "5;a=\r\nhello\r\n0\r\n\r\n",
                CHUNKED_POST + "5;a b\r\nhello\r\n0\r\n\r\n",
                CHUNKED_POST + "5;a@b\r\nhello\r\n0\r\n\r\n",
                CHUNKED_POST + "5;a=\"b\r\nhello\r\n0\r\n\r\n",
                CHUNKED_POST + "5;a\rb\r\nhello\r\n0\r\n\r\n",
                CHUNKED_POST + "5;a\u0001\r\nhello\r\n0\r\n\r\n"));
    }

    @ContractTest
    void ignoresWellFormedChunkExtensions(ContractServers servers) throws Exception {
        Server server = servers.start(readsBody);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send(CHUNKED_POST + "5 ; a = \"q\\\"x\" ;b\r\nhello\r\n0;c=d\r\n\r\n").read();

            assertThat(reply.text()).isEqualTo("got 5 bytes");
        }
    }

    @ContractTest
    void refusesABodyShorterThanItsContentLengthWhenTheClientCloses(ContractServers servers) throws Exception {
        Server server = servers.start(readsBody);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhello").endSending()
                    .read();

            ContractAssertions.refusesAndCloses(client, reply, 400);
        }
        assertThat(wholeBodies).as("bodies the app read as complete").hasValue(0);
    }

    @ContractTest
    void refusesAHeadTheClientCutShortWith400(ContractServers servers) throws Exception {
        Server server = servers.start(calls.counting(HELLO));

        for (String cut : List.of("GET / HTTP/1.1\r\nHost: x\r\n", "GET / HTTP/1.1\r\nHo", "GET / HT")) {
            try (RawHttp client = RawHttp.connect(server)) {
                ContractAssertions.refusesAndCloses(client, client.send(cut).endSending().read(), 400);
            }
        }
        assertThat(calls.count()).isZero();
    }

    /** Each request gets {@code status} and a close, and none reaches the app. */
    private void refusesEach(ContractServers servers, int status, List<String> requests) throws Exception {
        Server server = servers.start(calls.counting(HELLO));
        SoftAssertions softly = new SoftAssertions();
        for (String request : requests) {
            try (RawHttp client = RawHttp.connect(server)) {
                RawHttp.Reply reply = client.send(request).read();

                softly.assertThat(reply.code()).as(escaped(request)).isEqualTo(status);
                softly.assertThat(client.closedByServer()).as("closed after " + escaped(request)).isTrue();
            } catch (IOException noAnswer) {
                softly.fail("no answer to " + escaped(request) + ": " + noAnswer.getMessage());
            }
        }
        softly.assertThat(calls.count()).as("requests that reached the app").isZero();
        softly.assertAll();
    }

    /** Each body's framing gets 400 and a close, and the app never reads it whole. */
    private void refusesBodies(ContractServers servers, List<String> requests) throws Exception {
        Server server = servers.start(readsBody);
        SoftAssertions softly = new SoftAssertions();
        for (String request : requests) {
            try (RawHttp client = RawHttp.connect(server)) {
                RawHttp.Reply reply = client.send(request).read();

                softly.assertThat(reply.code()).as(escaped(request)).isEqualTo(400);
                softly.assertThat(client.closedByServer()).as("closed after " + escaped(request)).isTrue();
            } catch (IOException noAnswer) {
                softly.fail("no answer to " + escaped(request) + ": " + noAnswer.getMessage());
            }
        }
        softly.assertThat(wholeBodies).as("bodies the app read as complete").hasValue(0);
        softly.assertAll();
    }

    private static String line(String requestLine) {
        return requestLine + "\r\nHost: x\r\n\r\n";
    }

    private static String escaped(String request) {
        StringBuilder text = new StringBuilder();
        for (char c : request.toCharArray()) {
            text.append(c == '\r' ? "\\r" : c == '\n' ? "\\n" : c < 0x20 || c >= 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return text.toString();
    }
}
