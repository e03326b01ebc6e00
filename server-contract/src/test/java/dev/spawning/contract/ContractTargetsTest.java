package dev.spawning.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;

@OverTls
class ContractTargetsTest {

    /** Shows what the app saw: method, raw target, decoded path and query. */
    private static final App SHOW = request -> Response.text(200,
            request.method() + " " + request.target() + " " + request.pathInfo() + " " + request.query());

    private final ContractApps.Calls calls = new ContractApps.Calls();

    @ContractTest
    void givesTheAppAnOriginFormTargetAsSent(ContractServers servers) throws Exception {
        assertThat(answer(servers, "GET /a%20b?q=1 HTTP/1.1").text()).isEqualTo("GET /a%20b?q=1 /a b q=1");
    }

    @ContractTest
    void acceptsAnAbsoluteFormTarget(ContractServers servers) throws Exception {
        assertThat(answer(servers, "GET http://x/p?q=1 HTTP/1.1").text()).isEqualTo("GET http://x/p?q=1 /p q=1");
    }

    @ContractTest
    void acceptsTheAsteriskFormWithOptions(ContractServers servers) throws Exception {
        assertThat(answer(servers, "OPTIONS * HTTP/1.1").text()).startsWith("OPTIONS * ");
    }

    @ContractTest
    void refusesTheAsteriskFormWithAnyOtherMethodWith400(ContractServers servers) throws Exception {
        assertThat(answer(servers, "GET * HTTP/1.1").code()).isEqualTo(400);
        assertThat(calls.count()).isZero();
    }

    @ContractTest
    void acceptsTheAuthorityFormWithConnect(ContractServers servers) throws Exception {
        assertThat(answer(servers, "CONNECT x:443 HTTP/1.1").text()).startsWith("CONNECT x:443 ");
    }

    @ContractTest
    void refusesTheAuthorityFormWithAnyOtherMethodWith400(ContractServers servers) throws Exception {
        assertThat(answer(servers, "GET x:443 HTTP/1.1").code()).isEqualTo(400);
        assertThat(calls.count()).isZero();
    }

    @ContractTest
    void refusesATargetOfNoKnownFormWith400(ContractServers servers) throws Exception {
        assertThat(answer(servers, "GET a/b HTTP/1.1").code()).isEqualTo(400);
        assertThat(calls.count()).isZero();
    }

    private RawHttp.Reply answer(ContractServers servers, String requestLine) throws Exception {
        Server server = servers.start(calls.counting(SHOW));
        try (RawHttp client = RawHttp.connect(server)) {
            return client.send(requestLine + "\r\nHost: x\r\n\r\n").read();
        }
    }
}
