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

class TextAppFactoryTest {

    private final TextAppFactory factory = new TextAppFactory();

    @Test
    void answersTheDefaultBodyAsUtf8PlainTextWithStatus200() throws Exception {
        App app = factory.create(Settings.empty(), Settings.builder("app:x").build());

        Response response = app.handle(Request.builder().build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().all("Content-Type")).containsExactly("text/plain; charset=utf-8");
        assertThat(response.body()).isInstanceOf(Response.Body.Bytes.class);
        assertThat(Bodies.utf8(response)).isEqualTo("This is basic app");
    }

    @Test
    void answersTheConfiguredBodyContentTypeAndStatus() throws Exception {
        Settings local = Settings.builder("app:x")
                .put("body", "Grüße")
                .put("content_type", "text/x-greeting")
                .put("status", "418")
                .build();
        App app = factory.create(Settings.empty(), local);

        Response response = app.handle(Request.builder().method("POST").target("/any").build());

        assertThat(response.status()).isEqualTo(418);
        assertThat(response.headers().all("Content-Type")).containsExactly("text/x-greeting");
        assertThat(Bodies.bytes(response)).isEqualTo("Grüße".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rejectsAStatusOutsideThreeDigitsWhenCreated() {
        Settings local = Settings.builder("app:x").put("status", "42").build();

        assertThatThrownBy(() -> factory.create(Settings.empty(), local))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[app:x] status = '42': expected an integer from 100 to 999");
    }

    @Test
    void rejectsAStatusThatIsNotANumberWhenCreated() {
        Settings local = Settings.builder("app:x").put("status", "ok").build();

        assertThatThrownBy(() -> factory.create(Settings.empty(), local))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[app:x] status = 'ok': expected an integer from 100 to 999");
    }
}
