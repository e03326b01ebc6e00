package dev.spawning.examples.actors;

import static dev.spawning.examples.actors.Exchanges.send;
import static dev.spawning.examples.actors.Exchanges.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;

/** Two JVMs on one data_dir: the lock file keeps an actor live in one of them at a time. */
class ActorsTwoProcessesTest {

    @TempDir
    Path dataDir;

    @Test
    void anActorLiveInAnotherProcessIs503UntilThatProcessGivesItUpThenItsWorkIsSeen() throws Exception {
        Process other = new ProcessBuilder(javaCommand(), "-cp", classPath(), ActorsOtherProcess.class.getName(),
                dataDir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("ready");
            ActorsApp app = (ActorsApp) new ActorsAppFactory().create(Settings.empty(), Settings.builder("app:actors")
                    .put("data_dir", dataDir.toString()).put("lock_wait", "100ms").build());
            try {
                Response busy = send(app, "GET", "/c1", null);
                Response busyPut = send(app, "PUT", "/c1", "{\"type\": \"counter\", \"state\": {\"count\": 1}}");
                other.getOutputStream().close();
                assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
                Response after = send(app, "GET", "/c1", null);

                assertThat(busy.status()).isEqualTo(503);
                assertThat(busy.headers().first("Retry-After")).contains("1");
                assertThat(busyPut.status()).isEqualTo(503);
                assertThat(other.exitValue()).isZero();
                assertThat(after.status()).isEqualTo(200);
                assertThat(text(after)).isEqualTo("{\"type\":\"counter\",\"version\":3,\"state\":{\"count\":7},\"mailbox\":[]}");
            } finally {
                app.close();
            }
        } finally {
            other.destroyForcibly();
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The classes this test needs, from where each was loaded, as a plain class path. */
    private static String classPath() throws URISyntaxException {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(ActorsOtherProcess.class, ActorsApp.class, App.class, JsonNode.class,
                JsonFactory.class, annotations())) {
            entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Class<?> annotations() {
        try {
            return Class.forName("com.fasterxml.jackson.annotation.JsonProperty");
        } catch (ClassNotFoundException absent) {
            return JsonNode.class;
        }
    }
}
