package dev.spawning.coroutine;

import dev.spawning.factory.server.HttpRefusal;
import dev.spawning.factory.server.RequestHead;
import dev.spawning.factory.server.ServerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * The cost of reading one request head on a keep-alive connection, with the server's default
 * limits: the request line, every field (names checked, values trimmed, framing fields
 * interpreted) and the {@code RequestHead} built from them. Each operation parses the next head
 * from the same {@link SocketInput}, fed one head per read.
 *
 * <ul>
 *   <li>{@code browser}: a browser's GET, about 400 bytes and 8 fields.</li>
 *   <li>{@code wrk}: what wrk sends, the request line and {@code Host}.</li>
 * </ul>
 *
 * <pre>{@code
 * scripts/load-benchmark --jmh HeadParserBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HeadParserBenchmark {

    static final String BROWSER = "GET /articles/2026/11/load-testing.html?ref=home&page=2 HTTP/1.1\r\n"
            + "Host: www.example.com\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0\r\n"
            + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
            + "Accept-Language: en-GB,en;q=0.5\r\n"
            + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
            + "Connection: keep-alive\r\n"
            + "Cookie: session=5f2b8c1e9a7d4e3f; theme=dark\r\n"
            + "Upgrade-Insecure-Requests: 1\r\n"
            + "\r\n";

    static final String WRK = "GET / HTTP/1.1\r\nHost: 127.0.0.1:18090\r\n\r\n";

    @Param({"browser", "wrk"})
    public String head;

    private HeadParser parser;
    private SocketInput input;
    private long deadline;

    @Setup
    public void setUp() {
        String text = head.equals("browser") ? BROWSER : WRK;
        parser = new HeadParser(ServerSettings.DEFAULTS);
        input = new SocketInput(new RepeatingInput(text.getBytes(StandardCharsets.ISO_8859_1)));
        deadline = System.nanoTime() + TimeUnit.HOURS.toNanos(1);
    }

    @Benchmark
    public RequestHead parse() throws IOException, HttpRefusal {
        return parser.parse(input, deadline);
    }
}
