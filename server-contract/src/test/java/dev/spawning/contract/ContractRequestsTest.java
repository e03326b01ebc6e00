package dev.spawning.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** What the app sees of a request besides its target (see {@link ContractTargetsTest}). */
@OverTls
class ContractRequestsTest {

    private final CompletableFuture<Request> seen = new CompletableFuture<>();

    @ContractTest
    void givesTheAppTheVersionTheSchemeAndAnEmptyScriptName(ContractServers servers) throws Exception {
        Request request = roundTrip(servers, "GET /a/b?x=1 HTTP/1.1\r\nHost: h\r\n\r\n");

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.version()).isEqualTo("HTTP/1.1");
        assertThat(request.scheme()).as("https over TLS").isEqualTo(servers.scheme());
        assertThat(request.scriptName()).isEmpty();
        assertThat(request.pathInfo()).isEqualTo("/a/b");
    }

    @ContractTest
    void givesTheAppEveryHeaderValueAsIso88591TextWithRepeatedFieldsInOrder(ContractServers servers) throws Exception {
        Request request = roundTrip(servers, "GET / HTTP/1.0\r\nhost: h\r\nX-Tag: one\r\nX-Tag: two\r\nX-Name: caf\u00e9\r\n\r\n");

        assertThat(request.version()).isEqualTo("HTTP/1.0");
        assertThat(request.headers().all("x-tag")).containsExactly("one", "two");
        assertThat(request.header("X-Name")).contains("caf\u00e9");
        assertThat(request.headers().names())
                .as("names keep their spelling and their order of arrival")
                .containsExactly("host", "X-Tag", "X-Name");
    }

    @ContractTest
    void givesTheAppThePeerAndLocalAddresses(ContractServers servers) throws Exception {
        Server server = servers.start(this::remember);
        try (RawHttp client = RawHttp.connect(server)) {
            client.send(ContractApps.get("/")).read();
        }
        Request request = seen.get(5, TimeUnit.SECONDS);

        assertThat(request.remoteAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(request.localAddress()).as("the address the server listens on")
                .isEqualTo(server.addresses().getFirst());
    }

    private Request roundTrip(ContractServers servers, String raw) throws Exception {
        Server server = servers.start(this::remember);
        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(raw).read().code()).isEqualTo(200);
        }
        return seen.get(5, TimeUnit.SECONDS);
    }

    private Response remember(Request request) {
        seen.complete(request);
        return Response.text(200, "seen");
    }
}
