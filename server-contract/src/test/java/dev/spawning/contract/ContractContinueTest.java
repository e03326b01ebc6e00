package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.ECHO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

@OverTls
class ContractContinueTest {

    private static final String EXPECTING = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n";

    @ContractTest
    void sends100ContinueOnlyWhenTheAppFirstReadsTheBody(ContractServers servers) throws Exception {
        CountDownLatch mayRead = new CountDownLatch(1);
        Server server = servers.start(request -> {
            mayRead.await(5, TimeUnit.SECONDS);
            return ECHO.handle(request);
        });

        try (RawHttp client = RawHttp.connect(server)) {
            client.send(EXPECTING);

            assertThat(client.silentFor(200)).as("no 100 Continue before the app reads").isTrue();
            mayRead.countDown();
            assertThat(client.readInterim()).isEqualTo("HTTP/1.1 100 Continue");
            RawHttp.Reply reply = client.send("hello").read();
            assertThat(reply.text()).isEqualTo("got hello");
            assertThat(reply.header("Connection")).isEmpty();
        }
    }

    @ContractTest
    void matchesTheExpectationWhateverItsCase(ContractServers servers) throws Exception {
        Server server = servers.start(ECHO);

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-Continue\r\n\r\n");

            assertThat(client.readInterim()).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(client.send("hello").read().text()).isEqualTo("got hello");
        }
    }

    @ContractTest
    void sendsNo100AndSaysCloseWhenTheAppAnswersWithoutReading(ContractServers servers) throws Exception {
        Server server = servers.start(request -> Response.text(403, "no upload for you"));

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send(EXPECTING).read();

            assertThat(reply.code()).as("the final response, not a 100").isEqualTo(403);
            assertThat(reply.text()).isEqualTo("no upload for you");
            ContractAssertions.saysClose(reply);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @ContractTest
    void answers413Without100WhenTheDeclaredBodyExceedsMaxBodySize(ContractServers servers) throws Exception {
        ContractApps.Calls calls = new ContractApps.Calls();
        Server server = servers.start(calls.counting(ECHO), "max_body_size", "4");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send(EXPECTING).read();

            ContractAssertions.refusesAndCloses(client, reply, 413);
        }
        assertThat(calls.count()).isZero();
    }
}
