package dev.spawning.factory.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@link ServerMetrics} kept in a Micrometer registry of this server's own, scraped in Prometheus'
 * text format. The meters are made when first needed and kept in arrays indexed by method and
 * status class, so that recording a request looks up no tag. The duration histogram is a
 * {@link DurationHistogram} in the same registry.
 *
 * <p>Thread-safe: Micrometer's counters and timers are made for many writers (adders), the
 * in-flight and open-connection counts are {@link LongAdder}s, and a request counter made by two
 * threads at once is the same one, which the registry keeps by name and tags.
 */
final class PrometheusMetrics implements ServerMetrics {

    /** The method classes, as the {@code method} label; the last is every other method. */
    static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "OTHER"};
    /** The status classes, as the {@code status} label of {@code spawning_requests_total}. */
    static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};
    /** The statuses a server answers in place of an app, as the {@code status} label of refusals. */
    static final int[] REFUSALS = {400, 408, 413, 414, 431, 501};
    /**
     * The upper bounds of the duration histogram's buckets, fixed so that the histograms of several
     * processes add up: from half a millisecond to ten seconds.
     */
    static final List<Duration> DURATION_BUCKETS = List.of(Duration.ofNanos(500_000), Duration.ofMillis(1),
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10));
    /** What a scrape shows: the documented metrics, whatever else the registry may hold. */
    private static final Set<String> SHOWN = Set.of("spawning_requests", "spawning_request_duration_seconds",
            "spawning_requests_in_flight", "spawning_connections_open", "spawning_received_bytes",
            "spawning_sent_bytes", "spawning_refusals");

    /** The content type of Prometheus' text format 0.0.4, which chooses it in a scrape. */
    private static final String TEXT_004 = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReferenceArray<Counter> requests =
            new AtomicReferenceArray<>(METHODS.length * STATUS_CLASSES.length);
    private final Counter[] refusals = new Counter[REFUSALS.length];
    private final DurationHistogram duration = new DurationHistogram(DURATION_BUCKETS,
            "Time from the start of a request's head to the end of its response");
    private final Counter received;
    private final Counter sent;
    private final LongAdder inFlight = new LongAdder();
    private final LongAdder connections = new LongAdder();

    PrometheusMetrics() {
        registry.getPrometheusRegistry().register(duration);
        received = Counter.builder("spawning.received").baseUnit("bytes")
                .description("Request body bytes read by apps, after the chunked coding is removed").register(registry);
        sent = Counter.builder("spawning.sent").baseUnit("bytes")
                .description("Response body bytes written, before the chunked coding, as %(B)s of the access log")
                .register(registry);
        Gauge.builder("spawning.requests.in.flight", inFlight, LongAdder::sum)
                .description("Requests whose head has been parsed and whose response has not ended").register(registry);
        Gauge.builder("spawning.connections.open", connections, LongAdder::sum)
                .description("Connections accepted and not yet closed").register(registry);
        for (int i = 0; i < REFUSALS.length; i++) {
            refusals[i] = Counter.builder("spawning.refusals").tag("status", Integer.toString(REFUSALS[i]))
                    .description("Requests the server refused itself, by status").register(registry);
        }
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void connectionOpened() {
        connections.increment();
    }

    @Override
    public void connectionClosed() {
        connections.decrement();
    }

    @Override
    public void requestStarted() {
        inFlight.increment();
    }

    @Override
    public void requestEnded(long startNanos, String method, int status, long receivedBytes, long sentBytes) {
        inFlight.decrement();
        counted(startNanos, method, status, sentBytes);
        if (receivedBytes > 0) {
            received.increment(receivedBytes);
        }
    }

    @Override
    public void refusedInFlight(int status) {
        refusal(status);
    }

    @Override
    public void requestRefused(long startNanos, String method, int status, long sentBytes) {
        counted(startNanos, method, status, sentBytes);
        refusal(status);
    }

    @Override
    public Optional<String> scrape() {
        return Optional.of(registry.scrape(TEXT_004, SHOWN));
    }

    private void counted(long startNanos, String method, int status, long sentBytes) {
        duration.record(System.nanoTime() - startNanos);
        requestCounter(methodClass(method) * STATUS_CLASSES.length + statusClass(status)).increment();
        if (sentBytes > 0) {
            sent.increment(sentBytes);
        }
    }

    private void refusal(int status) {
        for (int i = 0; i < REFUSALS.length; i++) {
            if (REFUSALS[i] == status) {
                refusals[i].increment();
                return;
            }
        }
    }

    private Counter requestCounter(int index) {
        Counter counter = requests.get(index);
        if (counter == null) {
            counter = Counter.builder("spawning.requests")
                    .tag("method", METHODS[index / STATUS_CLASSES.length])
                    .tag("status", STATUS_CLASSES[index % STATUS_CLASSES.length])
                    .description("Requests answered, refusals included, by method and status class")
                    .register(registry);
            requests.set(index, counter);
        }
        return counter;
    }

    /** {@return the index of the method's class in {@link #METHODS}} Case-sensitive, as methods are. */
    static int methodClass(String method) {
        return switch (method == null ? "" : method) {
            case "GET" -> 0;
            case "HEAD" -> 1;
            case "POST" -> 2;
            case "PUT" -> 3;
            case "DELETE" -> 4;
            case "PATCH" -> 5;
            case "OPTIONS" -> 6;
            default -> 7;
        };
    }

    /** {@return the index of the status's class in {@link #STATUS_CLASSES}} */
    static int statusClass(int status) {
        return Math.clamp(status / 100 - 1, 0, STATUS_CLASSES.length - 1);
    }
}
