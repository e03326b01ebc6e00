package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.StopReport;
import dev.spawning.factory.testing.RawHttp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link Server#gateAccepts}: what spawn's controller balances its workers with. A server asks its
 * gate before each accept, with the connections it has open, and accepts nothing while the gate
 * says no; it asks again until the gate lets the waiting connection in.
 */
class ContractAcceptGateTest {

    private static final App OK = request -> Response.text(200, "ok");

    @ContractTest
    void acceptsOnlyWhileTheGateAdmitsAndAsksWithItsOpenConnections(ContractServers servers) throws Exception {
        Server server = servers.start(OK);
        List<Integer> asked = new CopyOnWriteArrayList<>();
        assertThat(server.gateAccepts(open -> {
            asked.add(open);
            return open < 2;
        })).isTrue();

        RawHttp first = RawHttp.connect(server);
        try (RawHttp second = RawHttp.connect(server); RawHttp third = RawHttp.connect(server)) {
            assertThat(first.send(get("/1")).read().text()).isEqualTo("ok");
            assertThat(second.send(get("/2")).read().text()).isEqualTo("ok");
            third.send(get("/3"));
            assertThat(third.silentFor(500)).as("the third connection waits while two are open").isTrue();
            assertThat(asked).contains(2);

            first.close();
            assertThat(third.read().text()).as("let in once the first has closed").isEqualTo("ok");
        } finally {
            first.close();
        }
        assertThat(asked).doesNotContain(3);
    }

    @ContractTest
    void aStopEndsAnAcceptorThatTheGateHolds(ContractServers servers) throws Exception {
        Server server = servers.start(OK);
        server.gateAccepts(open -> open < 1);
        try (RawHttp served = RawHttp.connect(server); RawHttp waiting = RawHttp.connect(server)) {
            assertThat(served.send(get("/1")).read().text()).isEqualTo("ok");
            waiting.send(get("/2"));
            assertThat(waiting.silentFor(300)).isTrue();
            StopReport report = server.stop(Duration.ofSeconds(5));
            assertThat(report.took()).as("the stop does not wait for the gate").isLessThan(Duration.ofSeconds(2));
            assertThat(report.cutOff()).isZero();
        }
    }
}
