package dev.spawning.core.builtin;

import static dev.spawning.core.builtin.BuiltinFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.core.testing.Apps;
import dev.spawning.factory.App;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What {@code service:health} answers, before and after its server begins to stop, and its settings. */
class HealthAppTest {

    private final CompletableFuture<Void> stopping = new CompletableFuture<>();
    private final App app = new HealthAppFactory().create(Settings.empty(), settings("app:health"));

    private Response send(String method) throws Exception {
        return app.handle(Request.builder().method(method).target("/").header("Host", "x")
                .serverStopping(stopping).build());
    }

    @Test
    void answersUpAsJsonToGetAndHead() throws Exception {
        for (String method : new String[] {"GET", "HEAD"}) {
            Response response = send(method);
            assertThat(response.status()).as(method).isEqualTo(200);
            assertThat(Apps.body(response)).isEqualTo("{\"status\":\"UP\"}");
            assertThat(response.headers().first("Content-Type")).hasValue("application/json");
            assertThat(response.headers().first("Cache-Control")).hasValue("no-store");
        }
    }

    @Test
    void answersDownOnceTheServerHasBegunToStop() throws Exception {
        assertThat(send("GET").status()).isEqualTo(200);
        stopping.complete(null);
        Response response = send("GET");
        assertThat(response.status()).isEqualTo(503);
        assertThat(Apps.body(response)).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(send("HEAD").status()).isEqualTo(503);
    }

    @Test
    void answersDownToTheFirstRequestAfterTheStopBegan() throws Exception {
        stopping.complete(null);
        assertThat(send("GET").status()).isEqualTo(503);
    }

    @Test
    void refusesOtherMethodsWithAllow() throws Exception {
        Response response = send("POST");
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers().first("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void refusesEveryKeyNamingItsLine() {
        assertThatThrownBy(() -> new HealthAppFactory().create(Settings.empty(),
                settings("app:health", "path", "/healthz", "status", "UP")))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /x/app.ini: line 7: [app:health] path is not a setting of the health app"
                        + " (it has none)\nError in file /x/app.ini: line 8: [app:health] status is not a setting of"
                        + " the health app (it has none)");
    }
}
