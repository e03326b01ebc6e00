package dev.spawning.factory.server;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code spawning_request_duration_seconds}: a Prometheus histogram with fixed buckets, kept in
 * one {@link LongAdder} per bucket and one for the sum, and registered in the server's Prometheus
 * registry beside its Micrometer meters. Not a Micrometer {@code Timer}: a timer also keeps a
 * maximum over a time window, which reads the wall clock on every request and cannot be added
 * across processes; here a request costs a few comparisons and two adder increments, without a
 * clock read and without contention between threads.
 *
 * <p>Thread-safe: any thread records; a scrape reads each adder once, so under load the count may
 * differ by a request or two from the buckets' sum it is written with.
 */
final class DurationHistogram implements Collector {

    static final String NAME = "spawning_request_duration_seconds";

    private final long[] boundsNanos;
    private final double[] upperBounds;
    private final LongAdder[] buckets;
    private final LongAdder sumNanos = new LongAdder();
    private final MetricMetadata metadata;

    /** @param bounds the buckets' upper bounds, ascending; {@code +Inf} is added after them */
    DurationHistogram(List<Duration> bounds, String help) {
        boundsNanos = bounds.stream().mapToLong(Duration::toNanos).toArray();
        upperBounds = new double[bounds.size() + 1];
        buckets = new LongAdder[bounds.size() + 1];
        for (int i = 0; i < buckets.length; i++) {
            upperBounds[i] = i < bounds.size() ? boundsNanos[i] / 1e9 : Double.POSITIVE_INFINITY;
            buckets[i] = new LongAdder();
        }
        metadata = new MetricMetadata(NAME, help);
    }

    /** Counts one request that took {@code nanos} (a negative one, from a clock gone back, as 0). */
    void record(long nanos) {
        long took = Math.max(0, nanos);
        int bucket = 0;
        while (bucket < boundsNanos.length && took > boundsNanos[bucket]) {
            bucket++;
        }
        buckets[bucket].increment();
        sumNanos.add(took);
    }

    @Override
    public MetricSnapshot collect() {
        long[] counts = new long[buckets.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = buckets[i].sum();
        }
        HistogramSnapshot.HistogramDataPointSnapshot point = new HistogramSnapshot.HistogramDataPointSnapshot(
                ClassicHistogramBuckets.of(upperBounds, counts), sumNanos.sum() / 1e9, Labels.EMPTY, Exemplars.EMPTY, 0L);
        return new HistogramSnapshot(metadata, List.of(point));
    }
}
