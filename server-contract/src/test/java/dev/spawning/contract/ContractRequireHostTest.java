package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.HELLO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;

class ContractRequireHostTest {

    private final ContractApps.Calls calls = new ContractApps.Calls();

    @ContractTest
    void answers400ToAnHttp11RequestWithoutHostByDefault(ContractServers servers) throws Exception {
        Server server = servers.start(calls.counting(HELLO));

        try (RawHttp client = RawHttp.connect(server)) {
            ContractAssertions.refusesAndCloses(client, client.send("GET / HTTP/1.1\r\n\r\n").read(), 400);
        }
        assertThat(calls.count()).isZero();
    }

    @ContractTest
    void passesAnHttp11RequestWithoutHostToTheAppWhenRequireHostIsFalse(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO, "require_host", "false");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET /nohost HTTP/1.1\r\n\r\n").read();

            assertThat(reply.text()).isEqualTo("hello /nohost");
        }
    }

    @ContractTest
    void servesAnHttp10RequestWithoutHost(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO);

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send("GET /old HTTP/1.0\r\n\r\n").read().text()).isEqualTo("hello /old");
        }
    }
}
