package dev.spawning.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.App;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CapsFilterFactoryTest {

    private static final String TEXT = "Hello, Wörld! abc XYZ 123";

    private final CapsFilterFactory factory = new CapsFilterFactory();

    @Test
    void upperCasesABytesBodyByDefaultLeavingNonAsciiAlone() throws Exception {
        App app = wrap(Settings.builder("filter:f").build(), request -> Response.text(200, TEXT));

        Response response = app.handle(Request.builder().build());

        assertThat(response.body()).isInstanceOf(Response.Body.Bytes.class);
        assertThat(Bodies.utf8(response)).isEqualTo("HELLO, WöRLD! ABC XYZ 123");
    }

    @Test
    void lowerCasesABytesBodyWhenMethodToCallIsLower() throws Exception {
        App app = wrap(lower(), request -> Response.text(200, TEXT));

        Response response = app.handle(Request.builder().build());

        assertThat(Bodies.utf8(response)).isEqualTo("hello, wörld! abc xyz 123");
    }

    @Test
    void upperCasesEveryByteWrittenToAStreamedBody() throws Exception {
        byte[] chunk = "chunk Two".getBytes(StandardCharsets.US_ASCII);
        App app = wrap(Settings.builder("filter:f").put("method_to_call", "upper").build(),
                request -> Response.builder(200).body(out -> {
                    out.write('a');
                    out.write(chunk);
                    out.write(chunk, 5, 4);
                }).build());

        Response response = app.handle(Request.builder().build());

        assertThat(response.body()).isInstanceOf(Response.Body.Streamed.class);
        assertThat(Bodies.utf8(response)).isEqualTo("ACHUNK TWO TWO");
        assertThat(chunk).isEqualTo("chunk Two".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void lowerCasesEveryByteWrittenToAStreamedBody() throws Exception {
        App app = wrap(lower(), request -> Response.builder(200)
                .body(out -> out.write("MiXeD Ü".getBytes(StandardCharsets.UTF_8)))
                .build());

        assertThat(Bodies.utf8(app.handle(Request.builder().build()))).isEqualTo("mixed Ü");
    }

    @Test
    void passesStatusAndHeadersThroughUnchanged() throws Exception {
        App app = wrap(lower(), request -> Response.builder(404)
                .header("Content-Type", "text/plain")
                .header("Content-Length", "9")
                .header("X-Keep", "As Is")
                .body("NOT FOUND")
                .build());

        Response response = app.handle(Request.builder().build());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().asList()).extracting(h -> h.name() + ": " + h.value())
                .containsExactly("Content-Type: text/plain", "Content-Length: 9", "X-Keep: As Is");
        assertThat(Bodies.utf8(response)).isEqualTo("not found");
    }

    @Test
    void rejectsAnUnknownMethodToCallWhenCreated() {
        Settings local = Settings.builder("filter:f").put("method_to_call", "sideways").build();

        assertThatThrownBy(() -> factory.create(Settings.empty(), local))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[filter:f] method_to_call = 'sideways': expected upper or lower");
    }

    private App wrap(Settings local, App next) {
        return factory.create(Settings.empty(), local).apply(next);
    }

    private static Settings lower() {
        return Settings.builder("filter:f").put("method_to_call", "lower").build();
    }
}
