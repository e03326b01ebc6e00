package dev.spawning.undertow;

import dev.spawning.factory.testing.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestsTest {

    private final AtomicReference<Request> seen = new AtomicReference<>();

    @RegisterExtension
    final Servers servers = new Servers();

    @Test
    void givesTheAppTheTargetAsSentWithItsDecodedPathAndRawQuery() throws Exception {
        Request request = roundTrip("GET /a%20b/c?x=1&y=%41 HTTP/1.1\r\nHost: h\r\n\r\n");

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.target()).isEqualTo("/a%20b/c?x=1&y=%41");
        assertThat(request.pathInfo()).isEqualTo("/a b/c");
        assertThat(request.scriptName()).isEmpty();
        assertThat(request.query()).isEqualTo("x=1&y=%41");
        assertThat(request.version()).isEqualTo("HTTP/1.1");
        assertThat(request.scheme()).isEqualTo("http");
    }

    @Test
    void givesTheAppAnAbsoluteTargetWhole() throws Exception {
        Request request = roundTrip("GET http://h/p?q HTTP/1.1\r\nHost: h\r\n\r\n");

        assertThat(request.target()).isEqualTo("http://h/p?q");
        assertThat(request.pathInfo()).isEqualTo("/p");
    }

    @Test
    void givesTheAppEveryHeaderValueAsIso88591TextWithRepeatedFieldsInOrder() throws Exception {
        Request request = roundTrip("GET / HTTP/1.0\r\nhost: h\r\nX-Tag: one\r\nX-Tag: two\r\nX-Name: caf\u00e9\r\n\r\n");

        assertThat(request.version()).isEqualTo("HTTP/1.0");
        assertThat(request.headers().all("x-tag")).containsExactly("one", "two");
        assertThat(request.header("X-Name")).contains("caf\u00e9");
        assertThat(request.headers().names())
                .as("names keep their spelling and their order of arrival")
                .containsExactly("host", "X-Tag", "X-Name");
    }

    @Test
    void givesTheAppThePeerAndLocalAddresses() throws Exception {
        Server server = servers.start(this::remember);
        try (RawHttp client = RawHttp.connect(server)) {
            client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").read();
        }
        Request request = seen.get();

        assertThat(request.remoteAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(request.localAddress().getPort()).isEqualTo(Servers.port(server));
    }

    private Request roundTrip(String raw) throws Exception {
        Server server = servers.start(this::remember);
        try (RawHttp client = RawHttp.connect(server)) {
            client.send(raw).read();
        }
        return seen.get();
    }

    private Response remember(Request request) {
        seen.set(request);
        return Response.text(200, "seen");
    }
}
