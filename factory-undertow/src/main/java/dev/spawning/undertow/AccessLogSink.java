package dev.spawning.undertow;

import dev.spawning.factory.AccessLog;
import dev.spawning.factory.Headers;
import dev.spawning.factory.Request;
import dev.spawning.factory.ServerSettings;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * Where access log lines go: nowhere ({@code access_log} unset), standard output ({@code -}) or
 * a file opened for appending when the server starts.
 *
 * <p>Threading: every request thread logs through one instance. A line is written with a single
 * call, to {@code System.out} (whose {@code println} is synchronized) or to a file opened in
 * append mode (each write lands whole at the end), so lines never interleave; no lock of ours.
 * Not a {@code FileChannel}: an app that interrupts its own thread would close one for everybody.
 */
final class AccessLogSink implements Closeable {

    /** When a request started, by the wall clock (for {@code %(t)s}) and the monotonic one. */
    record Start(ZonedDateTime at, long nanos) {
    }

    private static final AccessLogSink OFF = new AccessLogSink(null, null, null, null);

    private final AccessLog format;
    private final Clocks clocks;
    private final PrintStream stdout;
    private final FileOutputStream file;

    private AccessLogSink(AccessLog format, Clocks clocks, PrintStream stdout, FileOutputStream file) {
        this.format = format;
        this.clocks = clocks;
        this.stdout = stdout;
        this.file = file;
    }

    /** The sink {@code settings} ask for; opens (and creates) the file now. */
    static AccessLogSink open(ServerSettings settings, Clocks clocks) throws IOException {
        if (settings.accessLog().isEmpty()) {
            return OFF;
        }
        AccessLog format = AccessLog.compile(settings.accessLogFormat());
        String target = settings.accessLog().get();
        if (target.equals("-")) {
            return new AccessLogSink(format, clocks, System.out, null);
        }
        return new AccessLogSink(format, clocks, null, new FileOutputStream(target, true));
    }

    boolean enabled() {
        return format != null;
    }

    /** Now, for a request that is starting; {@code null} when logging is off. */
    Start start() {
        return enabled() ? new Start(ZonedDateTime.now(clocks.wall()), clocks.nanoTime().getAsLong()) : null;
    }

    /** Writes one line for a request that started at {@code start}; failures are reported, not thrown. */
    void log(Start start, Request request, int status, long bytesSent, Headers responseHeaders) {
        if (!enabled()) {
            return;
        }
        Duration took = Duration.ofNanos(clocks.nanoTime().getAsLong() - start.nanos());
        String line = format.line(new AccessLog.Entry(request, status, bytesSent, responseHeaders, start.at(), took));
        if (stdout != null) {
            stdout.println(line);
            return;
        }
        try {
            file.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException failed) {
            UndertowServer.LOG.log(System.Logger.Level.WARNING, "Cannot write the access log", failed);
        }
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
