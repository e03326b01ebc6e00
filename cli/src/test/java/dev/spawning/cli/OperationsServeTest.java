package dev.spawning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.testing.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operations listener on {@code metrics_bind}, as a user runs it, on each provider: the
 * controller sums its workers' metrics (those of exited workers included), its readiness goes
 * down and back up across a successful and a failed reload while liveness stays up, and {@code spawn serve} in one process serves its
 * server's metrics and probes.
 */
class OperationsServeTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String UP = "{\"status\":\"UP\"}";
    private static final Pattern SAMPLE = Pattern.compile("(?m)^spawning_requests_total(\\{[^\\n]*\\})? (\\S+)$");
    private static final int CONNECTIONS = 8;
    private static final int REQUESTS_PER_CONNECTION = 5;

    @TempDir
    Path dir;

    /** Both listeners of a running spawn: the app's URL and the operations listener's. */
    private record Urls(String app, String operations) {
    }

    private Path deployment(String provider, String app) throws IOException {
        return Files.writeString(dir.resolve("deployment.ini"), """
                [app:main]
                APP

                [server:main]
                use = service:PROVIDER
                host = 127.0.0.1
                port = 0
                metrics_bind = 127.0.0.1:0
                graceful_timeout = 10s
                """.replace("PROVIDER", provider).replace("APP", app));
    }

    private JavaProcess serve(Path file, int processes) throws IOException {
        return JavaProcess.spawn(Map.of(), List.of("-Djava.io.tmpdir=" + dir), "serve", file.toString(), "--set",
                "processes=" + processes);
    }

    private static Urls urls(JavaProcess spawn) throws InterruptedException {
        String app = spawn.servingUrl(WAIT);
        String line = spawn.nextLine(WAIT);
        assertThat(line).as("stderr: %s", spawn.err()).startsWith("Metrics on http://127.0.0.1:");
        return new Urls(app, line.substring("Metrics on ".length()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "undertow"})
    void theControllerSumsTheRequestsOfItsTwoWorkers(String provider) throws Exception {
        try (JavaProcess spawn = serve(deployment(provider, "use = service:text\nbody = hello"), 2)) {
            Urls urls = urls(spawn);
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", URI.create(urls.app()).getPort());
            // Connections open at once, and held: the workers' balance spreads them over both.
            List<RawHttp> clients = new ArrayList<>();
            try {
                for (int c = 0; c < CONNECTIONS; c++) {
                    clients.add(RawHttp.connect(address, WAIT));
                }
                for (int r = 0; r < REQUESTS_PER_CONNECTION; r++) {
                    for (RawHttp client : clients) {
                        assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().text()).isEqualTo("hello");
                    }
                }
            } finally {
                for (RawHttp client : clients) {
                    client.close();
                }
            }
            int sent = CONNECTIONS * REQUESTS_PER_CONNECTION;
            String metrics = awaitSummedRequests(urls.operations(), sent);
            assertThat(perWorker(metrics)).as(metrics).hasSize(2)
                    .allSatisfy((worker, count) -> assertThat(worker).matches("\\d+"))
                    .satisfies(counts -> assertThat(counts.values().stream().mapToDouble(d -> d).sum())
                            .isEqualTo((double) sent));
        }
    }

    /**
     * Scrapes {@code /metrics} until the summed {@code spawning_requests_total} (the samples
     * without a worker label) reaches {@code expected}: each worker sends its metrics with its
     * heartbeat, once a second.
     */
    private static String awaitSummedRequests(String operations, int expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String metrics = "";
        while (System.nanoTime() < deadline) {
            Answer answer = get(operations + "/metrics");
            assertThat(answer.type()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            metrics = answer.body();
            if (summed(metrics) == expected) {
                return metrics;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the summed requests never reached " + expected + ":\n" + metrics);
    }

    private static double summed(String metrics) {
        double sum = 0;
        Matcher sample = SAMPLE.matcher(metrics);
        while (sample.find()) {
            if (sample.group(1) == null || !sample.group(1).contains("worker=")) {
                sum += Double.parseDouble(sample.group(2));
            }
        }
        return sum;
    }

    private static Map<String, Double> perWorker(String metrics) {
        Map<String, Double> counts = new java.util.TreeMap<>();
        Matcher sample = SAMPLE.matcher(metrics);
        Pattern worker = Pattern.compile("worker=\"([^\"]*)\"");
        while (sample.find()) {
            Matcher id = worker.matcher(sample.group(1) == null ? "" : sample.group(1));
            if (id.find()) {
                counts.merge(id.group(1), Double.parseDouble(sample.group(2)), Double::sum);
            }
        }
        return counts;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "undertow"})
    void readinessGoesDownAndBackUpAcrossASuccessfulAndAFailedReloadWhileLivenessStaysUp(String provider)
            throws Exception {
        Path file = deployment(provider, "use = service:text\nbody = old");
        try (JavaProcess spawn = serve(file, 2)) {
            Urls urls = urls(spawn);
            assertThat(get(urls.operations() + "/health/ready")).isEqualTo(new Answer(200, "application/json", UP));
            for (int i = 0; i < 3; i++) {
                assertThat(SpawnProcessTest.get(urls.app() + "/")).isEqualTo("old");
            }
            deployment(provider, "use = service:text\nbody = new");
            JavaProcess.ctl("reload", file.toString());
            List<Answer> seen = readinessUntilBackUp(urls.operations());
            assertThat(seen).contains(new Answer(503, "application/json",
                    "{\"status\":\"DOWN\",\"reason\":\"reload under way: generation 2 is starting\"}"));
            // Ready again once the new generation has taken over; the old one may still answer on
            // its open connections until it has drained, when the reload is reported a success.
            awaitReloadResult(file, "\"generation\":2,", "\"result\":\"succeeded\"");
            assertThat(SpawnProcessTest.get(urls.app() + "/")).isEqualTo("new");
            // The old generation's three requests stay in the sum once its workers have exited.
            awaitSummedRequests(urls.operations(), 4);

            deployment(provider, "use = call:dev.spawning.core.TestFactories::broken");
            JavaProcess.ctl("reload", file.toString());
            seen = readinessUntilBackUp(urls.operations());
            assertThat(seen).contains(new Answer(503, "application/json",
                    "{\"status\":\"DOWN\",\"reason\":\"reload under way: generation 3 is starting\"}"));
            awaitReloadResult(file, "\"generation\":3,", "\"result\":\"failed\"");
            assertThat(SpawnProcessTest.get(urls.app() + "/")).isEqualTo("new");
        }
    }

    /**
     * Polls readiness, and liveness with it, from just after a reload's trigger until readiness is
     * back up after having gone down; every liveness answer must be up. Returns the readiness
     * answers seen. (The sleep paces the polls: the reload takes a JVM's start, over a second.)
     */
    private static List<Answer> readinessUntilBackUp(String operations) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<Answer> seen = new ArrayList<>();
        boolean wentDown = false;
        while (System.nanoTime() < deadline) {
            Answer ready = get(operations + "/health/ready");
            seen.add(ready);
            wentDown |= ready.status() == 503;
            assertThat(get(operations + "/health/live")).isEqualTo(new Answer(200, "application/json", UP));
            if (wentDown && ready.status() == 200) {
                return seen;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("readiness did not go down and back up: " + seen);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "undertow"})
    void spawnServeInOneProcessServesItsServersMetrics(String provider) throws Exception {
        try (JavaProcess spawn = serve(deployment(provider, "use = service:text\nbody = hello"), 1)) {
            Urls urls = urls(spawn);
            assertThat(SpawnProcessTest.get(urls.app() + "/")).isEqualTo("hello");
            assertThat(SpawnProcessTest.get(urls.app() + "/")).isEqualTo("hello");
            assertThat(perWorker(awaitSummedRequests(urls.operations(), 2))).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "undertow"})
    void spawnServeInOneProcessIsReadyOnceStartedAndNotReadyOnceItStops(String provider) throws Exception {
        try (JavaProcess spawn = serve(deployment(provider, "use = call:dev.spawning.cli.TestApps::echoBody"), 1)) {
            Urls urls = urls(spawn);
            assertThat(get(urls.operations() + "/health/ready")).isEqualTo(new Answer(200, "application/json", UP));
            assertThat(get(urls.operations() + "/health/live")).isEqualTo(new Answer(200, "application/json", UP));
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", URI.create(urls.app()).getPort());
            try (RawHttp client = RawHttp.connect(address, WAIT)) {
                // A request in flight holds the stop open, so readiness can be seen down while it drains.
                client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nin");
                spawn.terminate();
                assertThat(awaitNotReady(urls.operations())).isEqualTo(new Answer(503, "application/json",
                        "{\"status\":\"DOWN\",\"reason\":\"stopping\"}"));
                assertThat(client.send("ok").read().text()).isEqualTo("inok");
            }
            // 128 + SIGTERM: the JVM's status once its shutdown hook, the graceful stop, has run.
            assertThat(spawn.waitFor(WAIT)).isEqualTo(143);
        }
    }

    /** With the address taken, {@code spawn serve} says so and exits 2 before it serves, controller or not. */
    @ParameterizedTest(name = "processes = {0}")
    @ValueSource(ints = {1, 2})
    void aMetricsBindAddressInUseIsAnErrorBeforeAnythingServes(int processes) throws Exception {
        try (ServerSocketChannel taken = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            int port = ((InetSocketAddress) taken.getLocalAddress()).getPort();
            Path file = Files.writeString(deployment("coroutine", "use = service:text\nbody = hello"),
                    Files.readString(dir.resolve("deployment.ini")).replace("metrics_bind = 127.0.0.1:0",
                            "metrics_bind = 127.0.0.1:" + port));
            try (JavaProcess spawn = serve(file, processes)) {
                assertThat(spawn.waitFor(WAIT)).isEqualTo(2);
                assertThat(spawn.out()).isEmpty();
                assertThat(spawn.err()).contains("Cannot bind metrics_bind = 127.0.0.1:" + port
                        + ": Address already in use\n").doesNotContain("worker");
            }
        }
    }

    /** Polls {@code spawn ctl status} (with a deadline) until its last reload shows both texts. */
    private static void awaitReloadResult(Path file, String generation, String result) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String status = "";
        while (System.nanoTime() < deadline) {
            status = JavaProcess.ctl("status", file.toString());
            int last = status.indexOf("\"last_reload\"");
            if (last >= 0 && status.indexOf(generation, last) >= 0 && status.indexOf(result, last) >= 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no last reload with " + generation + " and " + result + ": " + status);
    }

    /** Polls readiness until it is down (a sleep paces the polls, with a deadline). */
    private static Answer awaitNotReady(String operations) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Answer ready = get(operations + "/health/ready");
            if (ready.status() != 200) {
                return ready;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("readiness never went down");
    }

    /** An answer of the operations listener. */
    private record Answer(int status, String type, String body) {
    }

    private static Answer get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(5_000);
        try {
            int status = connection.getResponseCode();
            InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            return new Answer(status, connection.getContentType(),
                    body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            connection.disconnect();
        }
    }

}
