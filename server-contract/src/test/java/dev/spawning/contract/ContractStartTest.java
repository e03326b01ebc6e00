package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.HELLO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Server;
import dev.spawning.factory.StopReport;
import java.net.BindException;
import java.time.Duration;

class ContractStartTest {

    @ContractTest
    void refusesASecondStart(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO);

        assertThatThrownBy(() -> server.start(HELLO))
                .isInstanceOf(FactoryException.class)
                .hasMessage("start() already called");
    }

    @ContractTest
    void namesTheAddressWhenItIsAlreadyInUseAndStaysStopped(ContractServers servers) throws Exception {
        int port = servers.start(HELLO).addresses().getFirst().getPort();
        Server second = servers.create("port", Integer.toString(port));

        assertThatThrownBy(() -> second.start(HELLO))
                .isInstanceOf(BindException.class)
                .hasMessage("Address already in use: 127.0.0.1:" + port);
        assertThat(second.addresses()).isEmpty();
        second.await();
        assertThat(second.stop(Duration.ofSeconds(1))).isEqualTo(new StopReport(0, 0, 0, Duration.ZERO));
    }
}
