package dev.spawning.controller;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The controller's {@code /metrics}: each worker's samples labelled, their sums, and the retired total. */
class WorkerMetricsTest {

    private static final String HELP_REQUESTS = "# HELP spawning_requests_total Requests answered\n";
    private static final String TYPE_REQUESTS = "# TYPE spawning_requests_total counter\n";

    private static String requests(double ok, double notFound, double inFlight) {
        return HELP_REQUESTS + TYPE_REQUESTS
                + "spawning_requests_total{method=\"GET\",status=\"2xx\"} " + ok + "\n"
                + "spawning_requests_total{method=\"GET\",status=\"4xx\"} " + notFound + "\n"
                + "# HELP spawning_requests_in_flight Requests being answered\n"
                + "# TYPE spawning_requests_in_flight gauge\n"
                + "spawning_requests_in_flight " + inFlight + "\n";
    }

    @Test
    void sumsEverySampleAcrossWorkersAndLabelsEachWorkersOwnWithOneHeaderPerFamily() {
        WorkerMetrics metrics = new WorkerMetrics();
        metrics.update(1, requests(3, 1, 2));
        metrics.update(2, requests(4, 0, 1));
        assertThat(metrics.render()).isEqualTo(HELP_REQUESTS + TYPE_REQUESTS
                + "spawning_requests_total{method=\"GET\",status=\"2xx\"} 7.0\n"
                + "spawning_requests_total{method=\"GET\",status=\"4xx\"} 1.0\n"
                + "spawning_requests_total{worker=\"1\",method=\"GET\",status=\"2xx\"} 3.0\n"
                + "spawning_requests_total{worker=\"1\",method=\"GET\",status=\"4xx\"} 1.0\n"
                + "spawning_requests_total{worker=\"2\",method=\"GET\",status=\"2xx\"} 4.0\n"
                + "spawning_requests_total{worker=\"2\",method=\"GET\",status=\"4xx\"} 0.0\n"
                + "# HELP spawning_requests_in_flight Requests being answered\n"
                + "# TYPE spawning_requests_in_flight gauge\n"
                + "spawning_requests_in_flight 3.0\n"
                + "spawning_requests_in_flight{worker=\"1\"} 2.0\n"
                + "spawning_requests_in_flight{worker=\"2\"} 1.0\n");
    }

    @Test
    void keepsTheCountersOfAnExitedWorkerInTheSumAndDropsItsGauges() {
        WorkerMetrics metrics = new WorkerMetrics();
        metrics.update(1, requests(3, 1, 2));
        metrics.update(2, requests(4, 0, 1));
        metrics.retire(1);
        metrics.update(3, requests(1, 0, 0));
        assertThat(metrics.render()).isEqualTo(HELP_REQUESTS + TYPE_REQUESTS
                + "spawning_requests_total{method=\"GET\",status=\"2xx\"} 8.0\n"
                + "spawning_requests_total{method=\"GET\",status=\"4xx\"} 1.0\n"
                + "spawning_requests_total{worker=\"2\",method=\"GET\",status=\"2xx\"} 4.0\n"
                + "spawning_requests_total{worker=\"2\",method=\"GET\",status=\"4xx\"} 0.0\n"
                + "spawning_requests_total{worker=\"3\",method=\"GET\",status=\"2xx\"} 1.0\n"
                + "spawning_requests_total{worker=\"3\",method=\"GET\",status=\"4xx\"} 0.0\n"
                + "# HELP spawning_requests_in_flight Requests being answered\n"
                + "# TYPE spawning_requests_in_flight gauge\n"
                + "spawning_requests_in_flight 1.0\n"
                + "spawning_requests_in_flight{worker=\"2\"} 1.0\n"
                + "spawning_requests_in_flight{worker=\"3\"} 0.0\n");
    }

    @Test
    void keepsSummingTheRetiredTotalWhenEveryWorkerHasExited() {
        WorkerMetrics metrics = new WorkerMetrics();
        metrics.update(1, requests(3, 1, 2));
        metrics.retire(1);
        metrics.update(2, requests(4, 0, 1));
        metrics.retire(2);
        assertThat(metrics.render()).isEqualTo(HELP_REQUESTS + TYPE_REQUESTS
                + "spawning_requests_total{method=\"GET\",status=\"2xx\"} 7.0\n"
                + "spawning_requests_total{method=\"GET\",status=\"4xx\"} 1.0\n");
    }

    @Test
    void ignoresMetricsThatArriveAfterTheirWorkerRetired() {
        WorkerMetrics metrics = new WorkerMetrics();
        metrics.update(1, requests(3, 1, 2));
        metrics.retire(1);
        metrics.update(1, requests(5, 1, 2));
        assertThat(metrics.render()).contains("spawning_requests_total{method=\"GET\",status=\"2xx\"} 3.0\n")
                .doesNotContain("worker=");
    }

    @Test
    void sumsHistogramBucketsSumsAndCountsUpToInfinity() {
        String histogram = """
                # HELP spawning_request_seconds Time to answer
                # TYPE spawning_request_seconds histogram
                spawning_request_seconds_bucket{le="0.005"} %s
                spawning_request_seconds_bucket{le="+Inf"} %s
                spawning_request_seconds_count %s
                spawning_request_seconds_sum %s
                """;
        WorkerMetrics metrics = new WorkerMetrics();
        metrics.update(1, histogram.formatted("1.0", "2.0", "2.0", "0.25"));
        metrics.update(2, histogram.formatted("3.0", "3.0", "3.0", "0.5"));
        metrics.retire(2);
        assertThat(metrics.render()).isEqualTo("""
                # HELP spawning_request_seconds Time to answer
                # TYPE spawning_request_seconds histogram
                spawning_request_seconds_bucket{le="0.005"} 4.0
                spawning_request_seconds_bucket{le="+Inf"} 5.0
                spawning_request_seconds_count 5.0
                spawning_request_seconds_sum 0.75
                spawning_request_seconds_bucket{worker="1",le="0.005"} 1.0
                spawning_request_seconds_bucket{worker="1",le="+Inf"} 2.0
                spawning_request_seconds_count{worker="1"} 2.0
                spawning_request_seconds_sum{worker="1"} 0.25
                """);
    }

    @Test
    void keepsLabelValuesWithBracesCommasAndEscapedQuotesWhole() {
        WorkerMetrics metrics = new WorkerMetrics();
        metrics.update(1, "# TYPE hits_total counter\nhits_total{path=\"/a{b},c \\\"d\\\"\"} 2.0 1700000000\n");
        metrics.update(2, "# TYPE hits_total counter\nhits_total{path=\"/a{b},c \\\"d\\\"\"} 1\n");
        assertThat(metrics.render()).isEqualTo("# TYPE hits_total counter\n"
                + "hits_total{path=\"/a{b},c \\\"d\\\"\"} 3.0\n"
                + "hits_total{worker=\"1\",path=\"/a{b},c \\\"d\\\"\"} 2.0\n"
                + "hits_total{worker=\"2\",path=\"/a{b},c \\\"d\\\"\"} 1.0\n");
    }

    @Test
    void neverSumsTheQuantilesOfASummary() {
        WorkerMetrics metrics = new WorkerMetrics();
        String summary = "# TYPE t summary\nt{quantile=\"0.5\"} %s\nt_count %s\n";
        metrics.update(1, summary.formatted("0.1", "2"));
        metrics.update(2, summary.formatted("0.3", "1"));
        assertThat(metrics.render()).isEqualTo("# TYPE t summary\nt_count 3.0\n"
                + "t{worker=\"1\",quantile=\"0.5\"} 0.1\nt_count{worker=\"1\"} 2.0\n"
                + "t{worker=\"2\",quantile=\"0.5\"} 0.3\nt_count{worker=\"2\"} 1.0\n");
    }

    @Test
    void givesASampleWithoutATypeAFamilyOfItsOwn() {
        WorkerMetrics metrics = new WorkerMetrics();
        metrics.update(1, "up 1\n");
        assertThat(metrics.render()).isEqualTo("# TYPE up untyped\nup 1.0\nup{worker=\"1\"} 1.0\n");
    }
}
