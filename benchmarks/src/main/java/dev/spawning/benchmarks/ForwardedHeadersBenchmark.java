package dev.spawning.benchmarks;

import dev.spawning.factory.Request;
import dev.spawning.factory.server.ForwardedHeaders;
import dev.spawning.factory.server.ProxySettings;
import java.net.InetSocketAddress;
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
 * What the servers' handling of the forwarding fields ({@code forwarded_allow_ips}, default
 * {@code 127.0.0.1}) costs a request from the loopback address: {@code none}, a browser's request
 * with 8 fields and no forwarding field (the price every request pays: one pass over the names);
 * {@code xff}, the same with {@code X-Forwarded-For} and {@code X-Forwarded-Proto} (a new request
 * is built).
 *
 * <pre>{@code
 * scripts/load-benchmark --jmh ForwardedHeadersBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ForwardedHeadersBenchmark {

    @Param({"none", "xff"})
    public String fields;

    private final ForwardedHeaders forwarding = ProxySettings.DEFAULTS.forwarding();
    private Request request;

    @Setup
    public void setUp() {
        Request.Builder builder = Request.builder().target("/articles/2026/11/load-testing.html?ref=home&page=2")
                .remoteAddress(new InetSocketAddress("127.0.0.1", 40000))
                .header("Host", "www.example.com")
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0")
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "en-GB,en;q=0.5")
                .header("Accept-Encoding", "gzip, deflate, br, zstd")
                .header("Connection", "keep-alive")
                .header("Cookie", "session=5f2b8c1e9a7d4e3f; theme=dark")
                .header("Upgrade-Insecure-Requests", "1");
        if (fields.equals("xff")) {
            builder.header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-Proto", "https");
        }
        request = builder.build();
    }

    @Benchmark
    public Request apply() {
        return forwarding.apply(request);
    }
}
