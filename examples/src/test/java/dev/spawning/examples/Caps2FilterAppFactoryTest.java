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

class Caps2FilterAppFactoryTest {

    private static final App HELLO = request -> Response.builder(201)
            .header("Content-Type", "text/plain")
            .body("Hello, Wörld")
            .build();
    private static final App STREAMED_HELLO = request -> Response.builder(200)
            .body(out -> out.write("Hello, Wörld".getBytes(StandardCharsets.UTF_8)))
            .build();

    private final Caps2FilterAppFactory factory = new Caps2FilterAppFactory();

    @Test
    void upperCasesTheNextAppsBytesBodyByDefault() throws Exception {
        App app = factory.create(HELLO, Settings.empty(), Settings.builder("filter-app:f").build());

        Response response = app.handle(Request.builder().build());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers().all("Content-Type")).containsExactly("text/plain");
        assertThat(response.body()).isInstanceOf(Response.Body.Bytes.class);
        assertThat(Bodies.utf8(response)).isEqualTo("HELLO, WöRLD");
    }

    @Test
    void lowerCasesTheNextAppsBytesBodyWhenMethodToCallIsLower() throws Exception {
        App app = factory.create(HELLO, Settings.empty(), lower());

        assertThat(Bodies.utf8(app.handle(Request.builder().build()))).isEqualTo("hello, wörld");
    }

    @Test
    void upperCasesTheNextAppsStreamedBody() throws Exception {
        App app = factory.create(STREAMED_HELLO, Settings.empty(), Settings.builder("filter-app:f").build());

        Response response = app.handle(Request.builder().build());

        assertThat(response.body()).isInstanceOf(Response.Body.Streamed.class);
        assertThat(Bodies.utf8(response)).isEqualTo("HELLO, WöRLD");
    }

    @Test
    void lowerCasesTheNextAppsStreamedBody() throws Exception {
        App app = factory.create(STREAMED_HELLO, Settings.empty(), lower());

        assertThat(Bodies.utf8(app.handle(Request.builder().build()))).isEqualTo("hello, wörld");
    }

    @Test
    void rejectsAnUnknownMethodToCallWhenCreated() {
        Settings local = Settings.builder("filter-app:f").put("method_to_call", "sideways").build();

        assertThatThrownBy(() -> factory.create(HELLO, Settings.empty(), local))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[filter-app:f] method_to_call = 'sideways': expected upper or lower");
    }

    private static Settings lower() {
        return Settings.builder("filter-app:f").put("method_to_call", "lower").build();
    }
}
