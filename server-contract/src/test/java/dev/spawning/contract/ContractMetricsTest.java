package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@link Server#metrics()}: with {@code metrics_bind} set, the same requests give the same
 * Prometheus samples on every provider (the expected values below are written once for all), and
 * the gauges follow the requests in flight and the open connections; without it, none.
 */
class ContractMetricsTest {

    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** GET: {@code hello TARGET}; {@code /missing}: 404; POST: reads the body and echoes it. */
    private static final App APP = request -> {
        if (request.target().equals("/missing")) {
            return Response.text(404, "nothing here");
        }
        if (request.method().equals("POST")) {
            return Response.text(201, "got " + new String(request.readBody(), StandardCharsets.UTF_8));
        }
        return Response.text(200, "hello " + request.target());
    };

    @ContractTest
    void countsRequestsRefusalsBytesAndDurationsAlikeOnEveryProvider(ContractServers servers) throws Exception {
        Server server = servers.start(APP, "metrics_bind", "127.0.0.1:0", "url_length_limit", "100",
                "max_header_line", "100", "max_body_size", "10");

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(get("/a")).read().text()).isEqualTo("hello /a");
            assertThat(client.send(get("/bb")).read().text()).isEqualTo("hello /bb");
            assertThat(client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nabcde").read().text())
                    .isEqualTo("got abcde");
            assertThat(client.send("DELETE /missing HTTP/1.1\r\nHost: x\r\n\r\n").read().code()).isEqualTo(404);
        }
        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + "v".repeat(100) + "\r\n\r\n").read()
                    .code()).isEqualTo(431);
        }
        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send("GET /" + "a".repeat(100) + " HTTP/1.1\r\nHost: x\r\n\r\n").read().code())
                    .isEqualTo(414);
        }
        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n").read().code())
                    .isEqualTo(400);
        }
        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n").read().code())
                    .isEqualTo(413);
        }

        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("spawning_requests_total{method=\"GET\",status=\"2xx\"}", 2.0);
        expected.put("spawning_requests_total{method=\"POST\",status=\"2xx\"}", 1.0);
        expected.put("spawning_requests_total{method=\"POST\",status=\"4xx\"}", 1.0);
        expected.put("spawning_requests_total{method=\"DELETE\",status=\"4xx\"}", 1.0);
        // The 431's and the 400's request lines were read; the 414's was not.
        expected.put("spawning_requests_total{method=\"GET\",status=\"4xx\"}", 2.0);
        expected.put("spawning_requests_total{method=\"OTHER\",status=\"4xx\"}", 1.0);
        expected.put("spawning_refusals_total{status=\"400\"}", 1.0);
        expected.put("spawning_refusals_total{status=\"408\"}", 0.0);
        expected.put("spawning_refusals_total{status=\"413\"}", 1.0);
        expected.put("spawning_refusals_total{status=\"414\"}", 1.0);
        expected.put("spawning_refusals_total{status=\"431\"}", 1.0);
        expected.put("spawning_refusals_total{status=\"501\"}", 0.0);
        expected.put("spawning_received_bytes_total", 5.0);
        // The bodies: "hello /a", "hello /bb", "got abcde", "nothing here", then the refusals'.
        expected.put("spawning_sent_bytes_total", (double) (8 + 9 + 9 + 12 + "Request Header Fields Too Large\n".length()
                + "URI Too Long\n".length() + "Bad Request\n".length() + "Content Too Large\n".length()));
        expected.put("spawning_request_duration_seconds_count", 8.0);
        expected.put("spawning_request_duration_seconds_bucket{le=\"+Inf\"}", 8.0);
        expected.put("spawning_requests_in_flight", 0.0);
        expected.put("spawning_connections_open", 0.0);
        awaitSamples(server, expected);
        Map<String, Double> all = samples(server);
        assertThat(all.keySet().stream().filter(name -> name.startsWith("spawning_requests_total")))
                .as("no other series of spawning_requests_total")
                .containsExactlyInAnyOrder(expected.keySet().stream()
                        .filter(name -> name.startsWith("spawning_requests_total")).toArray(String[]::new));
        assertThat(all.keySet()).as("only the documented metrics, no JVM ones")
                .allMatch(name -> name.startsWith("spawning_"));
    }

    @ContractTest
    void gaugesFollowTheRequestsInFlightAndTheOpenConnections(ContractServers servers) throws Exception {
        Server server = servers.start(request -> {
            if (request.target().equals("/slow")) {
                entered.countDown();
                release.await(5, TimeUnit.SECONDS);
            }
            return Response.text(200, "ok");
        }, "metrics_bind", "127.0.0.1:0");

        try (RawHttp idle = RawHttp.connect(server); RawHttp busy = RawHttp.connect(server)) {
            idle.send(get("/1")).read();
            busy.send(get("/slow"));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            awaitSamples(server, Map.of("spawning_requests_in_flight", 1.0, "spawning_connections_open", 2.0));

            release.countDown();
            assertThat(busy.read().text()).isEqualTo("ok");
            awaitSamples(server, Map.of("spawning_requests_in_flight", 0.0, "spawning_connections_open", 2.0));
        } finally {
            release.countDown();
        }
        awaitSamples(server, Map.of("spawning_requests_in_flight", 0.0, "spawning_connections_open", 0.0,
                "spawning_request_duration_seconds_count", 2.0));
    }

    @ContractTest
    void keepsNoMetricsWithoutMetricsBind(ContractServers servers) throws Exception {
        Server server = servers.start(APP);
        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(get("/a")).read().code()).isEqualTo(200);
        }
        assertThat(server.metrics()).isEmpty();
    }

    @ContractTest
    void writesPrometheusTextWithHelpAndTypeOfEachMetric(ContractServers servers) throws Exception {
        Server server = servers.start(APP, "metrics_bind", "127.0.0.1:0");
        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(get("/a")).read().code()).isEqualTo(200);
        }
        String text = server.metrics().orElseThrow();

        assertThat(text).contains("# TYPE spawning_requests_total counter\n",
                "# TYPE spawning_request_duration_seconds histogram\n",
                "# TYPE spawning_requests_in_flight gauge\n", "# TYPE spawning_connections_open gauge\n",
                "# TYPE spawning_received_bytes_total counter\n", "# TYPE spawning_sent_bytes_total counter\n",
                "# TYPE spawning_refusals_total counter\n");
        assertThat(text.lines().filter(line -> line.startsWith("spawning_request_duration_seconds_bucket")))
                .extracting(line -> line.substring(line.indexOf('"') + 1, line.lastIndexOf('"')))
                .containsExactly("5.0E-4", "0.001", "0.005", "0.01", "0.05", "0.1", "0.5", "1.0", "5.0", "10.0", "+Inf");
    }

    /**
     * The samples settle once the server has seen what the client did (a closed connection, the
     * end of a response written), and no signal says when: polls until they match or time runs out.
     */
    private static void awaitSamples(Server server, Map<String, Double> expected) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Map<String, Double> seen = selected(samples(server), expected);
        while (!seen.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            seen = selected(samples(server), expected);
        }
        assertThat(seen).isEqualTo(expected);
    }

    private static Map<String, Double> selected(Map<String, Double> all, Map<String, Double> wanted) {
        Map<String, Double> selected = new LinkedHashMap<>();
        for (String name : wanted.keySet()) {
            selected.put(name, all.getOrDefault(name, 0.0));
        }
        return selected;
    }

    /** Each sample of the scrape, by its name and labels as written. */
    private static Map<String, Double> samples(Server server) {
        Map<String, Double> samples = new LinkedHashMap<>();
        server.metrics().orElseThrow().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> {
                    int space = line.lastIndexOf(' ');
                    samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                });
        return samples;
    }
}
