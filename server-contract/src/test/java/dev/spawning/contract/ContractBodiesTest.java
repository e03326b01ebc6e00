package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.ECHO;
import static dev.spawning.contract.ContractApps.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.SoftAssertions;

@OverTls
class ContractBodiesTest {

    @ContractTest
    void givesTheAppABodyFramedByContentLength(ContractServers servers) throws Exception {
        Server server = servers.start(ECHO);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello").read();

            assertThat(reply.text()).isEqualTo("got hello");
        }
    }

    @ContractTest
    void givesTheAppAChunkedBodyIgnoringExtensionsAndItsTrailersOnceRead(ContractServers servers) throws Exception {
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

    @ContractTest
    void answers400AndClosesWhenTheTrailersNameAFieldThatFramesOrRoutesTheMessage(ContractServers servers)
            throws Exception {
        Server server = servers.start(ECHO);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n0\r\nContent-Length: 99\r\n\r\n").read();

            ContractAssertions.refusesAndCloses(client, reply, 400);
        }
    }

    @ContractTest
    void givesTheAppAnEmptyBodyWhenNeitherLengthNorChunkedIsSent(ContractServers servers) throws Exception {
        Server server = servers.start(ECHO);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply first = client.send("POST / HTTP/1.1\r\nHost: x\r\n\r\n").read();
            RawHttp.Reply second = client.send(get("/")).read();

            assertThat(first.text()).isEqualTo("got ");
            assertThat(second.text()).isEqualTo("got ");
        }
    }

    @ContractTest
    void parsesTheNextRequestCorrectlyAfterABodyTheAppDidNotRead(ContractServers servers) throws Exception {
        Server server = servers.start(request -> Response.text(200, "unread " + request.target()));

        try (RawHttp client = RawHttp.connect(server)) {
            String bodyLikeARequest = get("/2");
            client.send("POST /1 HTTP/1.1\r\nHost: x\r\nContent-Length: " + bodyLikeARequest.length() + "\r\n\r\n"
                    + bodyLikeARequest);
            RawHttp.Reply first = client.read();

            assertThat(first.text()).isEqualTo("unread /1");
            assertThat(first.header("Connection")).as("a small unread body is drained, not a reason to close").isEmpty();
            assertThat(client.send(get("/3")).read().text()).as("drained").isEqualTo("unread /3");
        }
    }

    @ContractTest
    void givesABodyOfKnownLengthAContentLength(ContractServers servers) throws Exception {
        Server server = servers.start(request -> Response.text(200, "hello"));

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send(get("/")).read();

            assertThat(reply.header("Content-Length")).contains("5");
            assertThat(reply.header("Transfer-Encoding")).isEmpty();
            assertThat(reply.text()).isEqualTo("hello");
        }
    }

    @ContractTest
    void chunksAStreamedBodyOnHttp11AndKeepsTheConnection(ContractServers servers) throws Exception {
        Server server = servers.start(request -> Response.builder(200).body(out -> {
            out.write("part one, ".getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.write("part two".getBytes(StandardCharsets.UTF_8));
        }).build());

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send(get("/")).read();
            RawHttp.Reply next = client.send(get("/")).read();

            assertThat(reply.header("Transfer-Encoding")).contains("chunked");
            assertThat(reply.header("Content-Length")).isEmpty();
            assertThat(reply.framing()).isEqualTo(RawHttp.Framing.CHUNKED);
            assertThat(reply.text()).isEqualTo("part one, part two");
            assertThat(next.text()).isEqualTo("part one, part two");
        }
    }

    @ContractTest
    void refusesAmbiguousBodyFramingWith400AndClosesWithoutCallingTheApp(ContractServers servers) throws Exception {
        ContractApps.Calls calls = new ContractApps.Calls();
        Server server = servers.start(calls.counting(ContractApps.HELLO));
        List<String> samples = List.of(
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 5\r\n\r\nhello",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\nhello",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");

        SoftAssertions softly = new SoftAssertions();
        for (String sample : samples) {
            try (RawHttp client = RawHttp.connect(server)) {
                RawHttp.Reply reply = client.send(sample).read();

                softly.assertThat(reply.code()).as(sample).isEqualTo(400);
                softly.assertThat(client.closedByServer()).as("closed after " + sample).isTrue();
            }
        }
        softly.assertThat(calls.count()).as("requests that reached the app").isZero();
        softly.assertAll();
    }

    /** The app may have begun when a bad chunk size arrives; still the client gets 400, never 500. */
    @ContractTest
    void answers400AndClosesForABadChunkSize(ContractServers servers) throws Exception {
        Server server = servers.start(ECHO);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "zz\r\nhello\r\n0\r\n\r\n").read();

            ContractAssertions.refusesAndCloses(client, reply, 400);
        }
    }
}
