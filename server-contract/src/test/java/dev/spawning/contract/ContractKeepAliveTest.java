package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.HELLO;
import static dev.spawning.contract.ContractApps.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;
import java.util.Optional;

@OverTls
class ContractKeepAliveTest {

    @ContractTest
    void keepsAnHttp11ConnectionOpenForTheNextRequest(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply first = client.send(get("/1")).read();
            RawHttp.Reply second = client.send(get("/2")).read();

            assertThat(first.header("Connection")).isEmpty();
            assertThat(second.text()).isEqualTo("hello /2");
        }
    }

    @ContractTest
    void closesAnHttp10ConnectionAfterTheResponseByDefault(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.0\r\n\r\n").read();

            assertThat(reply.status()).startsWith("HTTP/1.0 200");
            assertThat(reply.header("Connection")).isNotEqualTo(Optional.of("keep-alive"));
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @ContractTest
    void keepsAnHttp10ConnectionThatAsksForKeepAliveAndEchoesIt(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply first = client.send("GET /1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
            RawHttp.Reply second = client.send("GET /2 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();

            assertThat(first.header("Connection")).hasValueSatisfying(v -> assertThat(v).isEqualToIgnoringCase("keep-alive"));
            assertThat(second.text()).isEqualTo("hello /2");
        }
    }

    @ContractTest
    void answersConnectionCloseAndClosesWhenTheClientSendsConnectionClose(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO);

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").read();

            assertThat(reply.text()).isEqualTo("hello /");
            ContractAssertions.saysClose(reply);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @ContractTest
    void closesAfterEveryResponseWhenKeepaliveIsFalse(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO, "keepalive", "false");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send(get("/")).read();

            assertThat(reply.text()).isEqualTo("hello /");
            ContractAssertions.saysClose(reply);
            assertThat(client.closedByServer()).isTrue();
        }
    }
}
