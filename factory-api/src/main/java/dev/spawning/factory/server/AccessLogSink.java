package dev.spawning.factory.server;

import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Headers;
import dev.spawning.factory.Request;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.function.LongSupplier;

/**
 * Where a server's access log lines go: nowhere ({@code access_log} unset), standard output
 * ({@code -}) or a file opened for appending when the server starts, in the format of
 * {@code access_log_format}.
 *
 * <pre>{@code
 * AccessLogSink log = AccessLogSink.open(settings);        // when the server starts
 * AccessLogSink.Start start = log.start();                 // when a request starts
 * log.log(start, request, 200, bytesSent, responseHeaders); // when its response has gone
 * }</pre>
 *
 * <p>Threading: every request thread logs through one instance. A line is written with a single
 * call, to {@code System.out} (whose {@code println} is synchronized) or to a file opened in
 * append mode (each write lands whole at the end), so lines never interleave; no lock of ours.
 * Not a {@code FileChannel}: an app that interrupts its own thread would close one for everybody.
 */
public final class AccessLogSink implements Closeable {

    private static final System.Logger LOG = System.getLogger("dev.spawning.factory.server");

    /**
     * When a request started, by the wall clock (for {@code %(t)s}) and the monotonic one.
     *
     * @param at    the wall-clock time, in the sink's zone
     * @param nanos the monotonic time, from the sink's nanosecond clock, for the duration
     */
    public record Start(ZonedDateTime at, long nanos) {
    }

    private final AccessLog format;
    private final Clock wall;
    private final LongSupplier nanoTime;
    private final PrintStream stdout;
    private final FileOutputStream file;

    private AccessLogSink(AccessLog format, Clock wall, LongSupplier nanoTime, PrintStream stdout,
            FileOutputStream file) {
        this.format = format;
        this.wall = wall;
        this.nanoTime = nanoTime;
        this.stdout = stdout;
        this.file = file;
    }

    /**
     * The sink {@code settings} ask for, on the system clocks; opens (and creates) the file now.
     *
     * @param settings {@code access_log} and {@code access_log_format} are read
     * @return the sink; a disabled one when {@code access_log} is off
     * @throws IOException when the file cannot be opened for appending
     * @throws FactoryException when the format does not compile
     */
    public static AccessLogSink open(ServerSettings settings) throws IOException {
        return open(settings, Clock.systemDefaultZone(), System::nanoTime);
    }

    /**
     * The same, reading the time from these clocks (tests pass fixed ones).
     *
     * @param settings {@code access_log} and {@code access_log_format} are read
     * @param wall     the clock of {@code %(t)s}, in the zone the lines should show
     * @param nanoTime the monotonic clock that durations are measured with, in nanoseconds
     * @return the sink; a disabled one when {@code access_log} is off
     * @throws IOException when the file cannot be opened for appending
     * @throws FactoryException when the format does not compile
     */
    public static AccessLogSink open(ServerSettings settings, Clock wall, LongSupplier nanoTime) throws IOException {
        if (settings.accessLog().isEmpty()) {
            return new AccessLogSink(null, wall, nanoTime, null, null);
        }
        AccessLog format = AccessLog.compile(settings.accessLogFormat());
        String target = settings.accessLog().get();
        if (target.equals("-")) {
            return new AccessLogSink(format, wall, nanoTime, System.out, null);
        }
        return new AccessLogSink(format, wall, nanoTime, null, new FileOutputStream(target, true));
    }

    /** {@return whether lines are written: false when {@code access_log} is off} */
    public boolean enabled() {
        return format != null;
    }

    /** {@return now, for a request that is starting; {@code null} when logging is off} */
    public Start start() {
        return enabled() ? new Start(ZonedDateTime.now(wall), nanoTime.getAsLong()) : null;
    }

    /**
     * Writes the line of a request that started at {@code start}; a failure to write is logged as a
     * warning, not thrown. Any thread may call it.
     *
     * @param start           what {@link #start()} gave when the request started; {@code null}
     *                        (logging off) writes nothing
     * @param request         the request as received
     * @param status          the status sent
     * @param bytesSent       body bytes written to the client
     * @param responseHeaders the header fields of the response as the app gave them
     */
    public void log(Start start, Request request, int status, long bytesSent, Headers responseHeaders) {
        if (start == null) {
            return;
        }
        Duration took = Duration.ofNanos(nanoTime.getAsLong() - start.nanos());
        String line = format.line(new AccessLog.Entry(request, status, bytesSent, responseHeaders, start.at(), took));
        if (stdout != null) {
            stdout.println(line);
            return;
        }
        try {
            file.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException failed) {
            LOG.log(System.Logger.Level.WARNING, "Cannot write the access log", failed);
        }
    }

    /** Closes the file, if there is one. */
    @Override
    public void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
