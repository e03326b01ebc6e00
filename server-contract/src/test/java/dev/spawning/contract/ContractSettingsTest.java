package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.HELLO;
import static dev.spawning.contract.ContractApps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.App;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

class ContractSettingsTest {

    private static final App VIRTUAL = request -> Response.text(200, Boolean.toString(Thread.currentThread().isVirtual()));

    @ContractTest
    void refusesABadValueWhenBuiltNamingTheSectionKeyValueAndWhatWasExpected(ContractServers servers) {
        Map<String, String> expected = Map.of(
                "port", "[server:main] port = 'abc': expected an integer from 0 to 65535",
                "header_timeout", "[server:main] header_timeout = 'abc': expected a positive duration such as 500ms, 30s or 5m",
                "max_body_size", "[server:main] max_body_size = 'abc': expected a size such as 8192, 64k or 10m",
                "keepalive", "[server:main] keepalive = 'abc': expected true, false or an idle timeout such as 5s",
                "threads", "[server:main] threads = 'abc': expected an integer from 0 to 10000");

        expected.forEach((key, message) -> assertThatThrownBy(() -> servers.create(key, "abc"))
                .as(key).isInstanceOf(FactoryException.class).hasMessage(message));
    }

    @ContractTest
    void bindsTheLoopbackAddressAndAnEphemeralPortWhenPortIsZero(ContractServers servers) throws Exception {
        Server server = servers.create();
        assertThat(server.addresses()).as("before start").isEmpty();

        Server started = servers.start(HELLO);

        InetSocketAddress address = started.addresses().getFirst();
        assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(address.getPort()).isPositive();
    }

    @ContractTest
    void bindsEveryAddressWhenHostIsTheWildcard(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO, "host", "0.0.0.0");

        assertThat(server.addresses().getFirst().getAddress().isAnyLocalAddress()).isTrue();
        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(get("/any")).read().text()).isEqualTo("hello /any");
        }
    }

    @ContractTest
    void takesTheGracePeriodOfCloseFromGracefulTimeout(ContractServers servers) throws Exception {
        assertThat(servers.create().gracefulTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(servers.create("graceful_timeout", "250ms").gracefulTimeout()).isEqualTo(Duration.ofMillis(250));
    }

    @ContractTest
    void runsAppsOnVirtualThreadsByDefaultAndOnPlatformThreadsWhenThreadsIsSet(ContractServers servers) throws Exception {
        Server virtual = servers.start(VIRTUAL);
        Server pooled = servers.start(VIRTUAL, "threads", "2");

        try (RawHttp first = RawHttp.connect(virtual); RawHttp second = RawHttp.connect(pooled)) {
            assertThat(first.send(get("/")).read().text()).as("threads = 0").isEqualTo("true");
            assertThat(second.send(get("/")).read().text()).as("threads = 2").isEqualTo("false");
        }
    }

    @ContractTest
    void leavesConnectionsBeyondMaxConnectionsWaitingUntilOneCloses(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO, "max_connections", "1");

        RawHttp first = RawHttp.connect(server);
        try (RawHttp second = RawHttp.connect(server)) {
            try (first) {
                assertThat(first.send(get("/first")).read().text()).isEqualTo("hello /first");
                second.send(get("/second"));

                assertThat(second.silentFor(300)).as("the second connection waits").isTrue();
            }
            assertThat(second.read().text()).as("served once the first closed").isEqualTo("hello /second");
        }
    }
}
