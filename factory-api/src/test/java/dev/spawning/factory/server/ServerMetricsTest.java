package dev.spawning.factory.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerMetricsTest {

    private static ServerMetrics on() {
        return ServerMetrics.of(ServerSettings.from(Settings.builder("server:main")
                .put("metrics_bind", "127.0.0.1:9102").build()));
    }

    /** What a provider does: counts the request in flight and gives its start to requestEnded. */
    private static long started(ServerMetrics metrics) {
        metrics.requestStarted();
        return System.nanoTime();
    }

    private static List<String> samples(ServerMetrics metrics, String prefix) {
        return metrics.scrape().orElseThrow().lines().filter(line -> line.startsWith(prefix)).toList();
    }

    @Test
    void keepsNothingWithoutMetricsBind() {
        ServerMetrics off = ServerMetrics.of(ServerSettings.DEFAULTS);

        assertThat(off).isSameAs(ServerMetrics.off());
        assertThat(off.enabled()).isFalse();
        off.requestStarted();
        off.requestEnded(0, "GET", 200, 1, 2);
        assertThat(off.scrape()).isEmpty();
    }

    @Test
    void countsRequestsByMethodClassAndStatusClass() {
        ServerMetrics metrics = on();
        for (String method : List.of("GET", "get", "PROPFIND", "PATCH", "OPTIONS")) {
            metrics.requestEnded(started(metrics), method, 204, 0, 0);
        }
        metrics.requestEnded(started(metrics), "HEAD", 101, 0, 0);
        metrics.requestEnded(started(metrics), "PUT", 302, 0, 0);
        metrics.requestEnded(started(metrics), "GET", 599, 0, 0);

        assertThat(samples(metrics, "spawning_requests_total")).containsExactlyInAnyOrder(
                "spawning_requests_total{method=\"GET\",status=\"2xx\"} 1.0",
                "spawning_requests_total{method=\"OTHER\",status=\"2xx\"} 2.0",
                "spawning_requests_total{method=\"PATCH\",status=\"2xx\"} 1.0",
                "spawning_requests_total{method=\"OPTIONS\",status=\"2xx\"} 1.0",
                "spawning_requests_total{method=\"HEAD\",status=\"1xx\"} 1.0",
                "spawning_requests_total{method=\"PUT\",status=\"3xx\"} 1.0",
                "spawning_requests_total{method=\"GET\",status=\"5xx\"} 1.0");
    }

    @Test
    void aRefusalInFlightCountsOnlyAsARefusalAndARefusedHeadAsARequestToo() {
        ServerMetrics metrics = on();
        long began = started(metrics);
        metrics.refusedInFlight(413);
        metrics.requestEnded(began, "POST", 413, 0, 18);
        metrics.requestRefused(System.nanoTime(), null, 414, 13);
        metrics.requestRefused(System.nanoTime(), "GET", 403, 10);

        assertThat(samples(metrics, "spawning_requests_total")).containsExactlyInAnyOrder(
                "spawning_requests_total{method=\"POST\",status=\"4xx\"} 1.0",
                "spawning_requests_total{method=\"OTHER\",status=\"4xx\"} 1.0",
                "spawning_requests_total{method=\"GET\",status=\"4xx\"} 1.0");
        assertThat(samples(metrics, "spawning_refusals_total")).containsExactly(
                "spawning_refusals_total{status=\"400\"} 0.0", "spawning_refusals_total{status=\"408\"} 0.0",
                "spawning_refusals_total{status=\"413\"} 1.0", "spawning_refusals_total{status=\"414\"} 1.0",
                "spawning_refusals_total{status=\"431\"} 0.0", "spawning_refusals_total{status=\"501\"} 0.0");
        assertThat(samples(metrics, "spawning_sent_bytes_total")).containsExactly("spawning_sent_bytes_total 41.0");
        assertThat(samples(metrics, "spawning_request_duration_seconds_count"))
                .containsExactly("spawning_request_duration_seconds_count 3");
        assertThat(samples(metrics, "spawning_requests_in_flight")).containsExactly("spawning_requests_in_flight 0.0");
    }

    @Test
    void gaugesCountWhatIsOpenNow() {
        ServerMetrics metrics = on();
        metrics.connectionOpened();
        metrics.connectionOpened();
        metrics.connectionClosed();
        metrics.requestStarted();

        assertThat(samples(metrics, "spawning_connections_open")).containsExactly("spawning_connections_open 1.0");
        assertThat(samples(metrics, "spawning_requests_in_flight")).containsExactly("spawning_requests_in_flight 1.0");
    }

    @Test
    void eachServerHasARegistryOfItsOwn() {
        ServerMetrics one = on();
        ServerMetrics other = on();
        one.requestEnded(started(one), "GET", 200, 3, 4);

        assertThat(samples(one, "spawning_received_bytes_total")).containsExactly("spawning_received_bytes_total 3.0");
        assertThat(samples(other, "spawning_received_bytes_total")).containsExactly("spawning_received_bytes_total 0.0");
        assertThat(samples(other, "spawning_requests_total")).isEmpty();
    }

    @Test
    void timesEachRequestInFixedBucketsWithoutAMaximum() {
        ServerMetrics metrics = on();
        metrics.requestEnded(started(metrics) - 2_000_000_000L, "GET", 200, 0, 0);

        assertThat(samples(metrics, "spawning_request_duration_seconds_bucket")).containsExactly(
                "spawning_request_duration_seconds_bucket{le=\"5.0E-4\"} 0",
                "spawning_request_duration_seconds_bucket{le=\"0.001\"} 0",
                "spawning_request_duration_seconds_bucket{le=\"0.005\"} 0",
                "spawning_request_duration_seconds_bucket{le=\"0.01\"} 0",
                "spawning_request_duration_seconds_bucket{le=\"0.05\"} 0",
                "spawning_request_duration_seconds_bucket{le=\"0.1\"} 0",
                "spawning_request_duration_seconds_bucket{le=\"0.5\"} 0",
                "spawning_request_duration_seconds_bucket{le=\"1.0\"} 0",
                "spawning_request_duration_seconds_bucket{le=\"5.0\"} 1",
                "spawning_request_duration_seconds_bucket{le=\"10.0\"} 1",
                "spawning_request_duration_seconds_bucket{le=\"+Inf\"} 1");
        assertThat(metrics.scrape().orElseThrow()).doesNotContain("_max");
    }
}
