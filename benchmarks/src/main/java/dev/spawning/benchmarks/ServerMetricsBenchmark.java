package dev.spawning.benchmarks;

import dev.spawning.factory.Settings;
import dev.spawning.factory.server.ServerMetrics;
import dev.spawning.factory.server.ServerSettings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the metrics add to each request, as both providers record it: a request started and
 * ended (a GET answered 200 with a 17-byte body; its start is a time the provider read anyway), with {@code metrics_bind} unset ({@code off})
 * and set ({@code on}). Every thread of a run records into one server's metrics, as the
 * connection threads of a server do: {@code -t 2} measures two cores counting at once.
 *
 * <pre>{@code
 * scripts/load-benchmark --jmh ServerMetricsBenchmark -t 1
 * scripts/load-benchmark --jmh ServerMetricsBenchmark -t 2
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ServerMetricsBenchmark {

    @Param({"off", "on"})
    public String metrics;

    private ServerMetrics recorder;

    @Setup
    public void setUp() {
        Settings.Builder section = Settings.builder("server:main");
        if (metrics.equals("on")) {
            section.put("metrics_bind", "127.0.0.1:9102");
        }
        recorder = ServerMetrics.of(ServerSettings.from(section.build()));
    }

    /** When the head began, read by the provider anyway: not part of what the metrics add. */
    private final long begun = System.nanoTime();

    /** One request's recording. */
    @Benchmark
    public void request() {
        recorder.requestStarted();
        recorder.requestEnded(begun, "GET", 200, 0, 17);
    }
}
