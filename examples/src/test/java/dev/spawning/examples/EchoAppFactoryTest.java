package dev.spawning.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.App;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Headers;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EchoAppFactoryTest {

    private static final byte[] BODY = {'h', 'i', ' ', (byte) 0xE9, (byte) 0xFF, 0};

    private final EchoAppFactory factory = new EchoAppFactory();

    @Test
    void describesTheRequestAsJsonWithKeysInOrder() throws Exception {
        Settings global = Settings.builder("").put("zeta", "1").put("alpha", "2").build();
        Settings local = Settings.builder("app:x").put("format", "json").put("b", "x").put("a", "y").build();
        App app = factory.create(global, local);

        Response response = app.handle(fullRequest());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().all("Content-Type")).containsExactly("application/json");
        assertThat(Bodies.utf8(response)).isEqualTo("{"
                + "\"method\":\"POST\","
                + "\"target\":\"/echo/caf%C3%A9%20x?a=1&a=2\","
                + "\"version\":\"HTTP/1.1\","
                + "\"script_name\":\"/echo\","
                + "\"path_info\":\"/caf\\u00C3\\u00A9 x\","
                + "\"query\":\"a=1&a=2\","
                + "\"headers\":[[\"Host\",\"example.test\"],[\"X-Tag\",\"one\"],[\"x-tag\",\"two\"],"
                + "[\"X-Name\",\"caf\\u00E9\"],[\"Transfer-Encoding\",\"chunked\"]],"
                + "\"body_b64\":\"aGkg6f8A\","
                + "\"trailers\":[[\"X-Checksum\",\"abc\"]],"
                + "\"remote_addr\":\"127.0.0.1\","
                + "\"global_conf\":{\"zeta\":\"1\",\"alpha\":\"2\"},"
                + "\"local_conf\":{\"format\":\"json\",\"b\":\"x\",\"a\":\"y\"}"
                + "}");
    }

    @Test
    void describesABareRequestWithEmptyPartsAndNoRemoteAddress() throws Exception {
        App app = factory.create(Settings.empty(), Settings.builder("app:x").build());

        Response response = app.handle(Request.builder().build());

        assertThat(Bodies.utf8(response)).isEqualTo("{"
                + "\"method\":\"GET\",\"target\":\"/\",\"version\":\"HTTP/1.1\","
                + "\"script_name\":\"\",\"path_info\":\"/\",\"query\":\"\","
                + "\"headers\":[],\"body_b64\":\"\",\"trailers\":[],\"remote_addr\":\"\","
                + "\"global_conf\":{},\"local_conf\":{}"
                + "}");
    }

    @Test
    void escapesEverythingOutsidePrintableAsciiSoTheDocumentIsPureAscii() throws Exception {
        App app = factory.create(Settings.empty(), Settings.builder("app:x").build());
        Request request = Request.builder()
                .header("X-Odd", "q\"b\\t\tdel\u007Fnb\u00A0y\u00FF")
                .build();

        String json = Bodies.utf8(app.handle(request));

        assertThat(json).contains("[\"X-Odd\",\"q\\\"b\\\\t\\tdel\\u007Fnb\\u00A0y\\u00FF\"]");
        assertThat(json.chars()).allMatch(c -> c >= 0x20 && c <= 0x7E);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT"})
    void echoesTheBodyBytesWhenFormatIsBody(String method) throws Exception {
        App app = factory.create(Settings.empty(), Settings.builder("app:x").put("format", "body").build());

        Response response = app.handle(Request.builder().method(method).target("/up").body(BODY).build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().all("Content-Type")).containsExactly("application/octet-stream");
        assertThat(response.body()).isEqualTo(new Response.Body.Bytes(BODY));
    }

    @Test
    void rejectsAnUnknownFormatWhenCreated() {
        Settings local = Settings.builder("app:x").put("format", "xml").build();

        assertThatThrownBy(() -> factory.create(Settings.empty(), local))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[app:x] format = 'xml': expected json or body");
    }

    /** A chunked POST whose trailers, like a server's, appear only once the body is read to its end. */
    private static Request fullRequest() throws Exception {
        ByteArrayInputStream body = new ByteArrayInputStream(BODY);
        return Request.builder()
                .method("POST")
                .target("/echo/caf%C3%A9%20x?a=1&a=2")
                .scriptName("/echo")
                .pathInfo("/caf\u00C3\u00A9 x")
                .header("Host", "example.test")
                .header("X-Tag", "one")
                .header("x-tag", "two")
                .header("X-Name", "caf\u00E9")
                .header("Transfer-Encoding", "chunked")
                .remoteAddress(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 54321))
                .body(body)
                .trailers(() -> body.available() == 0 ? Headers.of("X-Checksum", "abc") : Headers.empty())
                .build();
    }
}
