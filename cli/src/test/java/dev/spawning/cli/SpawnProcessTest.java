package dev.spawning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.core.testing.Apps;
import dev.spawning.core.testing.Fixtures;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** spawn as a user runs it: its own JVM, its environment, its exit status, its signals. */
class SpawnProcessTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void serveAnswersOnTheReportedPortAndStopsGracefullyOnTerm() throws Exception {
        try (JavaProcess spawn = JavaProcess.spawn(Map.of("SPAWN_TEST_WHO", "undertow"), "serve",
                Fixtures.file("serve.ini").toString())) {
            String line = spawn.nextLine(WAIT);
            assertThat(line).as("stderr: %s", spawn.err()).matches("Serving on http://127\\.0\\.0\\.1:\\d+");
            assertThat(get(line.substring("Serving on ".length()) + "/")).isEqualTo("served by undertow");
            spawn.terminate();
            assertThat(spawn.waitFor(WAIT)).isEqualTo(143);
            assertThat(spawn.err()).startsWith("Stopped: completed 0 in-flight request(s), closed ");
        }
    }

    static String get(String url) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        try (var body = connection.getInputStream()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void serveTakesTheAppAndServerNamesAndGlobalsFromTheCommandLine() throws Exception {
        try (JavaProcess spawn = JavaProcess.spawn(Map.of(), "serve", Fixtures.file("serve.ini").toString(),
                "--app-name", "echo", "--server-name", "other", "who=tester")) {
            String line = spawn.nextLine(WAIT);
            assertThat(line).as("stderr: %s", spawn.err()).startsWith("Serving on http://127.0.0.1:");
            Map<String, Object> echoed = Apps.json(get(line.substring("Serving on ".length()) + "/"));
            assertThat(echoed.get("global_conf")).isEqualTo(Map.of("here", Fixtures.dir().toString(),
                    "__file__", Fixtures.file("serve.ini").toString(), "who", "tester"));
        }
    }

    @Test
    void plainSpawnFileMeansServe() throws Exception {
        try (JavaProcess spawn = JavaProcess.spawn(Map.of(), Fixtures.file("serve.ini").toString())) {
            assertThat(spawn.nextLine(WAIT)).startsWith("Serving on http://127.0.0.1:");
        }
    }

    @Test
    void environmentVariablesAndSystemPropertiesAreInterpolated() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SPAWN_TEST_HOME", "/home/spawn");
        env.put("SPAWN_TEST_UNSET", null);
        try (JavaProcess spawn = JavaProcess.spawn(env, "config", Fixtures.file("env.ini").toString())) {
            assertThat(spawn.waitFor(WAIT)).isZero();
            assertThat(spawn.out()).endsWith("\"local_conf\": {\"home\": \"/home/spawn\", \"fallback\": "
                    + "\"default value\", \"property\": \"none\", \"literal\": \"${env:NOT_EXPANDED}\"}}");
        }
    }

    @Test
    void aMissingEnvironmentVariableIsAnErrorWithStatusTwoAndNoStackTrace() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SPAWN_TEST_HOME", null);
        try (JavaProcess spawn = JavaProcess.spawn(env, "config", Fixtures.file("env.ini").toString())) {
            assertThat(spawn.waitFor(WAIT)).isEqualTo(2);
            assertThat(spawn.out()).isEmpty();
            assertThat(spawn.err()).isEqualTo("Error in file " + Fixtures.file("env.ini") + ": line 3: Bad value "
                    + "substitution: option 'home' in section 'app:main' refers to the environment variable "
                    + "'SPAWN_TEST_HOME', which is not set (give a default with '${env:SPAWN_TEST_HOME:-value}'). "
                    + "Raw value: '${env:SPAWN_TEST_HOME}'\n");
        }
    }
}
