package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.HELLO;
import static dev.spawning.contract.ContractApps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

class ContractTimeoutsTest {

    @ContractTest
    void answers408WithDateAndServerAndClosesWhenTheHeadIsNotCompleteWithinHeaderTimeout(ContractServers servers)
            throws Exception {
        Server server = servers.start(HELLO, "header_timeout", "300ms");

        try (RawHttp slow = RawHttp.connect(server)) {
            long begin = System.nanoTime();
            RawHttp.Reply reply = slow.send("GET / HTTP/1.1\r\nHost: x\r\n").read();

            assertThat(Duration.ofNanos(System.nanoTime() - begin)).as("not before header_timeout")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(reply.status()).isEqualTo("HTTP/1.1 408 Request Timeout");
            assertThat(reply.header("Date")).isPresent();
            assertThat(reply.header("Server")).isPresent();
            assertThat(reply.text()).isEqualTo("Request Timeout\n");
            ContractAssertions.refusesAndCloses(slow, reply, 408);
        }
    }

    @ContractTest
    void timesEachHeadFromItsOwnFirstByteOnAKeepAliveConnection(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO, "header_timeout", "400ms");

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(get("/first")).read().code()).isEqualTo(200);
            assertThat(client.silentFor(300)).isTrue();
            client.send("GET /second HTTP/1.1\r\n");
            assertThat(client.silentFor(200)).as("300 ms after the first head, 200 ms into the second").isTrue();

            assertThat(client.send("Host: x\r\n\r\n").read().text()).isEqualTo("hello /second");
        }
    }

    @ContractTest
    void servesOtherClientsWhileOneStallsInItsHead(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO, "header_timeout", "1s");

        try (RawHttp slow = RawHttp.connect(server); RawHttp other = RawHttp.connect(server)) {
            slow.send("GET /slow HTTP/1.1\r\nHo");

            assertThat(other.send(get("/other")).read().text()).isEqualTo("hello /other");
            assertThat(other.send(get("/again")).read().text()).isEqualTo("hello /again");
            assertThat(slow.send("st: x\r\n\r\n").read().text()).as("the stalled head completed in time").isEqualTo("hello /slow");
        }
    }

    @ContractTest
    void closesAKeepAliveConnectionIdleForLongerThanIdleTimeout(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO, "idle_timeout", "200ms");

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(get("/")).read().code()).isEqualTo(200);

            assertThat(client.silentFor(100)).as("still open well within the timeout").isTrue();
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @ContractTest
    void takesAKeepaliveDurationAsTheIdleTimeout(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO, "keepalive", "200ms");

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(get("/1")).read().header("Connection")).isEmpty();
            assertThat(client.send(get("/2")).read().text()).isEqualTo("hello /2");

            assertThat(client.closedByServer()).isTrue();
        }
    }

    @ContractTest
    void failsTheBodyReadAndClosesWhenTheBodyStallsForBodyTimeout(ContractServers servers) throws Exception {
        CompletableFuture<Throwable> readFailure = new CompletableFuture<>();
        Server server = servers.start(request -> {
            try {
                request.readBody();
                readFailure.complete(null);
            } catch (IOException failed) {
                readFailure.complete(failed);
            }
            return Response.text(200, "late");
        }, "body_timeout", "300ms");

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhe");

            assertThat(readFailure.get(5, TimeUnit.SECONDS)).as("the app's body read").isInstanceOf(IOException.class);
            assertThatCode(client::readUntilClosed).as("the connection closes").doesNotThrowAnyException();
        }
    }

    @ContractTest
    void answers408AndClosesWhenTheAppLetsTheBodyTimeoutFailTheRequest(ContractServers servers) throws Exception {
        Server server = servers.start(ContractApps.ECHO, "body_timeout", "300ms");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhe").read();

            ContractAssertions.refusesAndCloses(client, reply, 408);
        }
    }
}
