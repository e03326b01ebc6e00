package dev.spawning.coroutine;

import dev.spawning.factory.Response;
import dev.spawning.factory.server.HttpRefusal;
import dev.spawning.factory.server.RequestHead;
import dev.spawning.factory.server.ServerSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of putting the load benchmark's response into a connection's output buffer: the head
 * of a 200 {@code text/plain} response of 17 bytes to a wrk GET (status line, the app's field,
 * {@code Content-Length}, {@code Date}, {@code Server}), and the head with its body handed to the
 * stream. The stream discards what it gets, so the socket's cost is left out.
 *
 * <pre>{@code
 * scripts/load-benchmark --jmh ResponseWriterBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ResponseWriterBenchmark {

    private final Response response = Response.text(200, "This is basic app");
    private final byte[] body = ((Response.Body.Bytes) response.body()).data();
    private RequestHead request;
    private SocketOutput out;

    @Setup
    public void setUp() throws IOException, HttpRefusal {
        byte[] get = HeadParserBenchmark.WRK.getBytes(StandardCharsets.ISO_8859_1);
        request = new HeadParser(ServerSettings.DEFAULTS)
                .parse(new SocketInput(new RepeatingInput(get)), System.nanoTime() + TimeUnit.HOURS.toNanos(1));
        out = new SocketOutput(OutputStream.nullOutputStream());
    }

    /** The head alone, then forgotten, so the buffer never fills. */
    @Benchmark
    public int head() throws IOException {
        ResponseWriter.head(out, request, response, false);
        int written = out.buffered();
        out.truncate(0);
        return written;
    }

    /** The head and the body, then sent to the stream as a connection does after each response. */
    @Benchmark
    public long headAndBody() throws IOException {
        ResponseWriter.head(out, request, response, false);
        ResponseWriter.bytes(out, request, response, body);
        out.flush();
        return out.sent();
    }
}
