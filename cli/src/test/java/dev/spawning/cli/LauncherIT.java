package dev.spawning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.core.testing.Apps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/spawn as the README uses it, against the jars of this build: it finds a JDK 25 by itself
 * (JAVA_HOME unset), serves the bundled examples, lists the providers, and says so clearly when
 * there is no JDK 25.
 */
class LauncherIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path ROOT = Path.of(System.getProperty("spawning.root", "..")).toAbsolutePath().normalize();

    private static JavaProcess launcher(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("bin/spawn").toString()));
        command.addAll(List.of(args));
        Map<String, String> environment = new HashMap<>(env);
        environment.putIfAbsent("JAVA_HOME", null);
        return JavaProcess.start(command, environment, ROOT);
    }

    private static void servesTheBasicApp(String file) throws Exception {
        try (JavaProcess spawn = launcher(Map.of("PORT", "0"), file)) {
            String line = spawn.nextLine(WAIT);
            assertThat(line).as("stderr: %s", spawn.err()).matches("Serving on http://127\\.0\\.0\\.1:\\d+");
            assertThat(SpawnProcessTest.get(line.substring("Serving on ".length()) + "/"))
                    .isEqualTo("This is basic app");
            spawn.terminate();
            spawn.waitFor(WAIT);
            assertThat(spawn.err()).doesNotContain("WARNING").doesNotContain("Exception");
        }
    }

    @Test
    void servesHelloIniWithoutJavaHome() throws Exception {
        servesTheBasicApp("examples/hello.ini");
    }

    @Test
    void servesItsYamlTwin() throws Exception {
        servesTheBasicApp("examples/hello.yaml");
    }

    @Test
    void servesTheComposedExample() throws Exception {
        try (JavaProcess spawn = launcher(Map.of("PORT", "0"), "examples/composed.ini")) {
            String base = spawn.nextLine(WAIT).substring("Serving on ".length());
            assertThat(SpawnProcessTest.get(base + "/")).isEqualTo("Hello from Spawning");
            assertThat(SpawnProcessTest.get(base + "/shout")).isEqualTo("HELLO FROM SPAWNING");
            assertThat(SpawnProcessTest.get(base + "/quiet")).isEqualTo("hello from spawning");
            assertThat(Apps.json(SpawnProcessTest.get(base + "/echo/x?q=1")))
                    .containsEntry("script_name", "/echo").containsEntry("path_info", "/x")
                    .containsEntry("query", "q=1");
        }
    }

    @Test
    void factoriesListsEveryProviderWithItsProtocol() throws Exception {
        try (JavaProcess spawn = launcher(Map.of(), "factories")) {
            assertThat(spawn.waitFor(WAIT)).isZero();
            List<String> rows = spawn.out().lines().skip(1).map(l -> String.join(" ", l.split("\\s{2,}")))
                    .map(l -> l.substring(0, l.indexOf(" spawning-"))).toList();
            assertThat(rows).containsExactly(
                    "actors app factory",
                    "caps filter factory",
                    "caps2 filter-app factory",
                    "cascade composite factory",
                    "coroutine server factory",
                    "echo app factory",
                    "forwarded filter factory",
                    "health app factory",
                    "pages app factory",
                    "prefix filter-app factory",
                    "static app factory",
                    "text app factory",
                    "topics app factory",
                    "undertow server factory",
                    "urlmap composite factory");
        }
    }

    @Test
    void saysSoWhenThereIsNoJdk25(@TempDir Path empty) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", empty.toString());
        env.put("PATH", empty.toString());
        env.put("SPAWN_JVM_DIRS", empty.toString());
        List<String> command = List.of(bashPath(), ROOT.resolve("bin/spawn").toString(), "factories");
        try (JavaProcess spawn = JavaProcess.start(command, env, ROOT)) {
            assertThat(spawn.waitFor(WAIT)).isEqualTo(2);
            assertThat(spawn.err()).isEqualTo("spawn: no JDK 25 or newer found (looked at JAVA_HOME, java on the "
                    + "PATH, and the JDKs in: " + empty + "). Install a JDK 25, or set JAVA_HOME to one.\n");
        }
    }

    private static String bashPath() {
        return Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "/usr/bin/bash";
    }
}
