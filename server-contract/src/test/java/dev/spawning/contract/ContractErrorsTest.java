package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.HELLO;
import static dev.spawning.contract.ContractApps.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.Settings;
import dev.spawning.factory.testing.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

@OverTls
class ContractErrorsTest {

    private static final App FAILING = request -> {
        throw new IllegalStateException("database password is hunter2");
    };

    @ContractTest
    void answers500WithConnectionCloseAndWithoutTheExceptionTextWhenTheAppThrows(ContractServers servers) throws Exception {
        Server server = servers.start(FAILING);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send(get("/boom")).read();

            ContractAssertions.refusesAndCloses(client, reply, 500);
            assertThat(reply.status()).isEqualTo("HTTP/1.1 500 Internal Server Error");
            assertThat(reply.header("Content-Type")).contains("text/plain; charset=utf-8");
            assertThat(reply.text()).as("no exception text").isEqualTo("Internal Server Error\n");
        }
    }

    @ContractTest
    void sendsTheExceptionTextInThe500WhenDebugIsTrue(ContractServers servers) throws Exception {
        assertSendsTheExceptionText(servers.start(FAILING, "debug", "true"));
    }

    @ContractTest
    void takesDebugFromTheGlobalConfWhenTheSectionHasNone(ContractServers servers) throws Exception {
        assertSendsTheExceptionText(servers.start(Settings.of(Map.of("debug", "true")), FAILING));
    }

    /** The 500 to a failing app carries the exception's text and its stack. */
    private static void assertSendsTheExceptionText(Server server) throws Exception {
        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send(get("/boom")).read();

            assertThat(reply.code()).isEqualTo(500);
            assertThat(reply.text()).startsWith("Internal Server Error\n\n"
                    + "java.lang.IllegalStateException: database password is hunter2\n\tat ");
        }
    }

    @ContractTest
    void letsTheSectionsOwnDebugWinOverTheGlobalConf(ContractServers servers) throws Exception {
        Server server = servers.start(Settings.of(Map.of("debug", "true")), FAILING, "debug", "false");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send(get("/boom")).read();

            assertThat(reply.text()).isEqualTo("Internal Server Error\n");
        }
    }

    @ContractTest
    void answers500WhenTheAppReturnsNoResponse(ContractServers servers) throws Exception {
        assertAnswers500AndCloses(servers.start(request -> null));
    }

    @ContractTest
    void answers500WhenAStreamedBodyFailsBeforeAnyOfItWasSent(ContractServers servers) throws Exception {
        assertAnswers500AndCloses(servers.start(request -> Response.builder(200).body(out -> {
            out.write("never sent".getBytes(StandardCharsets.UTF_8));
            throw new IOException("failed before flushing");
        }).build()));
    }

    /** A GET gets the plain 500 and a close. */
    private static void assertAnswers500AndCloses(Server server) throws Exception {
        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send(get("/")).read();

            ContractAssertions.refusesAndCloses(client, reply, 500);
            assertThat(reply.text()).isEqualTo("Internal Server Error\n");
        }
    }

    @ContractTest
    void cutsTheConnectionSoTheChunkedBodyIsTruncatedWhenStreamingFails(ContractServers servers) throws Exception {
        Server server = servers.start(request -> Response.builder(200).body(out -> {
            out.write("first part".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("the feed went away");
        }).build());

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send(get("/")).read();

            assertThat(reply.code()).isEqualTo(200);
            assertThat(reply.framing()).isEqualTo(RawHttp.Framing.TRUNCATED);
            assertThat(reply.text()).isEqualTo("first part");
        }
    }

    @ContractTest
    void answersMalformedRequestsWith400AndClosesNeverCallingTheApp(ContractServers servers) throws Exception {
        ContractApps.Calls calls = new ContractApps.Calls();
        Server server = servers.start(calls.counting(HELLO));
        List<String> samples = List.of(
                "GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nBad Name: v\r\n\r\n",
                "GET / HTTP/1.1\r\nHost : x\r\n\r\n",
                "G(T / HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET  HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n",
                "GET / HTTP/x.y\r\nHost: x\r\n\r\n",
                "\u0001\u0002\u0003 garbage\r\n\r\n");

        SoftAssertions softly = new SoftAssertions();
        for (String sample : samples) {
            try (RawHttp client = RawHttp.connect(server)) {
                softly.assertThat(client.send(sample).read().code()).as(sample).isEqualTo(400);
                softly.assertThat(client.closedByServer()).as("closed after " + sample).isTrue();
            }
        }
        softly.assertThat(calls.count()).as("requests that reached the app").isZero();
        softly.assertAll();
    }
}
