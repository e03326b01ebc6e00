package dev.spawning.coroutine;

import dev.spawning.factory.AccessLog;
import dev.spawning.factory.Headers;
import dev.spawning.factory.Request;
import dev.spawning.factory.ServerSettings;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * Writes one access log line per request, in the format of {@code access_log_format}, to standard
 * output ({@code access_log = -}) or to a file opened for appending when the server starts; or
 * nowhere when {@code access_log} is unset.
 *
 * <p>Threading: every connection logs through one instance. Each line is one call to a stream
 * whose writes are whole (a {@link PrintStream}'s {@code println} is synchronized; a file opened
 * in append mode gets each write at its end), so lines never interleave and no lock of ours is
 * held.
 */
final class AccessLogWriter implements Closeable {

    /** When a request started, by the wall clock (for {@code %(t)s}) and the monotonic one. */
    record Start(ZonedDateTime at, long nanos) {
    }

    static final AccessLogWriter OFF = new AccessLogWriter(null, null);

    private final AccessLog format;
    private final OutputStream target;

    private AccessLogWriter(AccessLog format, OutputStream target) {
        this.format = format;
        this.target = target;
    }

    /** The writer {@code settings} ask for; opens (and creates) the file now. */
    static AccessLogWriter open(ServerSettings settings) throws IOException {
        if (settings.accessLog().isEmpty()) {
            return OFF;
        }
        AccessLog format = AccessLog.compile(settings.accessLogFormat());
        String path = settings.accessLog().get();
        return new AccessLogWriter(format, path.equals("-") ? System.out : new FileOutputStream(path, true));
    }

    /** Now, for a request that is starting; {@code null} when logging is off. */
    Start start() {
        return format == null ? null : new Start(ZonedDateTime.now(), System.nanoTime());
    }

    /** Writes the line of a request that started at {@code start}; failures are reported, not thrown. */
    void log(Start start, Request request, int status, long bytesSent, Headers responseHeaders) {
        if (start == null) {
            return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start.nanos());
        String line = format.line(new AccessLog.Entry(request, status, bytesSent, responseHeaders, start.at(), took));
        if (target instanceof PrintStream stdout) {
            stdout.println(line);
            return;
        }
        try {
            target.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException failed) {
            Service.LOG.log(System.Logger.Level.WARNING, "Cannot write the access log", failed);
        }
    }

    @Override
    public void close() throws IOException {
        if (target != null && target != System.out) {
            target.close();
        }
    }
}
