package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.HELLO;
import static dev.spawning.contract.ContractApps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.List;

/**
 * A socket bound elsewhere (by spawn's controller, a supervisor, an embedding application) is
 * served as it is: handed through the factory API, or inherited as standard input with
 * {@code bind = fd://0}.
 */
class ContractListenerTest {

    @ContractTest
    void servesAListeningSocketHandedToIt(ContractServers servers) throws Exception {
        assertThat(servers.servesHandedSockets()).isTrue();
        ServerSocketChannel listening = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Server server = servers.startHanded(HELLO, listening);

        assertThat(server.addresses()).isEqualTo(List.of((InetSocketAddress) listening.getLocalAddress()));
        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(get("/handed")).read().text()).isEqualTo("hello /handed");
        }
    }

    @ContractTest
    void bindFdZeroIsReadAtStartAndWithoutAnInheritedSocketFailsClearly(ContractServers servers) throws Exception {
        Server server = servers.create("bind", "fd://0");

        assertThatThrownBy(() -> server.start(HELLO))
                .isInstanceOf(FactoryException.class)
                .hasMessage("bind = fd://0: standard input is not a socket; start the server from a process that "
                        + "passes one, such as spawn with processes > 1, or set host and port instead");
        assertThat(server.addresses()).isEmpty();
    }
}
