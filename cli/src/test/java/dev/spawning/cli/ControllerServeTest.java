package dev.spawning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.testing.KeepAliveLoad;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code spawn serve} with worker processes (the controller), as a user runs it, on each provider: two workers serve, reloads under a keep-alive load drop nothing, a failed reload keeps
 * the old generation, a controller killed with SIGKILL leaves no worker.
 */
class ControllerServeTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private Path deployment(String provider, String textApp) throws Exception {
        Path file = dir.resolve("deployment.ini");
        Files.writeString(file, """
                [composite:main]
                use = service:urlmap
                / = text
                /echo = echo

                [app:echo]
                use = call:dev.spawning.cli.TestApps::echoBody

                [server:main]
                use = service:PROVIDER
                host = 127.0.0.1
                port = 0
                graceful_timeout = 10s

                [app:text]
                """.replace("PROVIDER", provider) + textApp + "\n");
        return file;
    }

    private static String text(String body) {
        return "use = service:text\nbody = " + body;
    }

    private JavaProcess serve(Path file) throws Exception {
        return JavaProcess.spawn(Map.of(), "serve", file.toString(), "--set", "processes=2");
    }

    private static String serving(JavaProcess spawn) throws InterruptedException {
        String line = spawn.nextLine(WAIT);
        assertThat(line).as("stderr: %s", spawn.err()).startsWith("Serving on http://127.0.0.1:");
        return line.substring("Serving on ".length());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "undertow"})
    void twoWorkersServeAndCtlStatusShowsThem(String provider) throws Exception {
        Path file = deployment(provider, text("hello"));
        try (JavaProcess spawn = serve(file)) {
            String url = serving(spawn);
            assertThat(SpawnProcessTest.get(url + "/")).isEqualTo("hello");
            Map<String, Object> status = status(file);
            assertThat(status).containsEntry("processes", 2).containsEntry("serving_generation", 1);
            assertThat(workers(status, 0)).hasSize(2).allSatisfy(w -> assertThat(w).containsEntry("state", "ready"));
            assertThat(spawn.children()).hasSize(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "undertow"})
    void reloadsBySighupUnderAKeepAliveLoadDropNothingAndTheNewCodeAnswersOnceReported(String provider)
            throws Exception {
        Path file = deployment(provider, text("v0"));
        try (JavaProcess spawn = serve(file)) {
            URI url = URI.create(serving(spawn));
            KeepAliveLoad.Outcome outcome;
            long[] reportedAt = new long[4];
            try (KeepAliveLoad load = KeepAliveLoad.start(new InetSocketAddress("127.0.0.1", url.getPort()), 4, "/",
                    "/echo")) {
                for (int version = 1; version <= 3; version++) {
                    deployment(provider, text("v" + version));
                    spawn.signal("HUP");
                    awaitGeneration(file, version + 1);
                    reportedAt[version] = System.nanoTime();
                }
                Thread.sleep(300);
                outcome = load.stop();
            }
            assertThat(outcome.failures()).as("stderr: %s", spawn.err()).isEmpty();
            assertThat(outcome.requests()).isPositive();
            for (int version = 1; version <= 3; version++) {
                long after = reportedAt[version];
                int v = version;
                assertThat(outcome.seen()).filteredOn(seen -> seen.sentAt() > after)
                        .allSatisfy(seen -> assertThat(Integer.parseInt(seen.body().substring(1))).isGreaterThanOrEqualTo(v));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "undertow"})
    void aReloadWhoseAppThrowsAtStartUpKeepsTheOldGenerationServingAndStatusShowsWhy(String provider)
            throws Exception {
        Path file = deployment(provider, text("old code"));
        try (JavaProcess spawn = serve(file)) {
            String url = serving(spawn);
            deployment(provider, "use = call:dev.spawning.core.TestFactories::broken");
            assertThat(ctl("reload", file.toString())).isEqualTo("reload requested\n");
            Map<String, Object> status = awaitReloadOutcome(file);
            @SuppressWarnings("unchecked")
            Map<String, Object> last = (Map<String, Object>) status.get("last_reload");
            assertThat(last).containsEntry("result", "failed").containsEntry("trigger", "spawn ctl reload");
            assertThat(String.join("\n", strings(last.get("error")))).contains("the database is not there");
            assertThat(status).containsEntry("serving_generation", 1);
            assertThat(SpawnProcessTest.get(url + "/")).isEqualTo("old code");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "undertow"})
    void aControllerKilledWithSigkillLeavesNoWorkerAndFreesThePortWithinTheGracePeriod(String provider)
            throws Exception {
        try (JavaProcess spawn = serve(deployment(provider, text("orphan")))) {
            URI url = URI.create(serving(spawn));
            List<ProcessHandle> workers = spawn.children();
            assertThat(workers).hasSize(2);
            spawn.signal("KILL");
            spawn.waitFor(WAIT);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (workers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(workers).noneMatch(ProcessHandle::isAlive);
            try (ServerSocketChannel again = ServerSocketChannel.open()) {
                again.bind(new InetSocketAddress("127.0.0.1", url.getPort()));
            }
        }
    }

    private static String ctl(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] command = new String[args.length + 1];
        command[0] = "ctl";
        System.arraycopy(args, 0, command, 1, args.length);
        int status = Spawn.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as("stderr: %s", err).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status(Path file) {
        return JSON.readValue(ctl("status", file.toString()), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> workers(Map<String, Object> status, int generation) {
        List<Map<String, Object>> generations = (List<Map<String, Object>>) status.get("generations");
        return (List<Map<String, Object>>) generations.get(generation).get("workers");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }

    /** Waits until the reload that started {@code generation} is reported a success. */
    @SuppressWarnings("unchecked")
    private static void awaitGeneration(Path file, int generation) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> last = (Map<String, Object>) status(file).get("last_reload");
            if (last != null && Integer.valueOf(generation).equals(last.get("generation"))) {
                assertThat(last).containsEntry("result", "succeeded");
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("generation " + generation + " never served: " + status(file));
    }

    private static Map<String, Object> awaitReloadOutcome(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> status = status(file);
            if (status.get("last_reload") != null) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no reload outcome: " + status(file));
    }
}
