package dev.spawning.undertow;

import dev.spawning.factory.ServerSettings;
import io.undertow.UndertowOptions;
import org.xnio.OptionMap;
import org.xnio.Options;

/**
 * Translates {@link ServerSettings} into the option maps of XNIO and Undertow, in one place so
 * that each setting's mapping (and what Undertow cannot do) is written down once.
 */
final class ServerOptions {

    /** Bytes of a request line and its CRLF beyond the URL itself: method, spaces, version. */
    private static final int REQUEST_LINE_SLACK = 64;

    private ServerOptions() {
    }

    /** The XNIO worker: IO threads only; apps run on our own executor (see {@link UndertowServer}). */
    static OptionMap worker() {
        int ioThreads = Math.max(Runtime.getRuntime().availableProcessors(), 2);
        return OptionMap.builder()
                .set(Options.WORKER_NAME, "spawning-undertow")
                .set(Options.WORKER_IO_THREADS, ioThreads)
                .set(Options.THREAD_DAEMON, true)
                .getMap();
    }

    /**
     * The listening socket and the connections it accepts. {@code max_connections} becomes XNIO's
     * high and low water marks: at the mark XNIO stops accepting, so new connections wait in the
     * backlog; XNIO divides the mark among its IO threads.
     */
    static OptionMap socket(ServerSettings settings) {
        return OptionMap.builder()
                .set(Options.BACKLOG, settings.backlog())
                .set(Options.REUSE_ADDRESSES, true)
                .set(Options.TCP_NODELAY, true)
                .set(Options.CONNECTION_HIGH_WATER, settings.maxConnections())
                .set(Options.CONNECTION_LOW_WATER, settings.maxConnections())
                .getMap();
    }

    /**
     * Undertow's HTTP/1.1 options. Undertow's own limits are backstops that answer a bare 400 and
     * close: {@link RequestLimits} checks the URL length and header sizes exactly (414, 431) once
     * Undertow has parsed the head, so Undertow's head limit is the sum of ours. Undertow's body
     * limit is off: {@link RequestLimits} rejects a declared length over {@code max_body_size} and
     * {@link RequestBody} counts a chunked one (Undertow's chunked decoder would print the failure
     * to standard error). {@code header_timeout} is not Undertow's parse timeout, which closes
     * without a word: {@link TrackedConnection} answers 408 itself. Unescaped non-ASCII bytes in
     * the target are allowed, as the app gets the target as sent (see {@link Requests}).
     */
    static OptionMap undertow(ServerSettings settings) {
        return OptionMap.builder()
                .set(UndertowOptions.MAX_HEADER_SIZE, headBackstop(settings))
                .set(UndertowOptions.MAX_HEADERS, settings.maxHeaderCount())
                .set(UndertowOptions.MAX_PARAMETERS, settings.urlLengthLimit())
                .set(UndertowOptions.MAX_ENTITY_SIZE, 0L)
                .set(UndertowOptions.NO_REQUEST_TIMEOUT, millis(settings.idleTimeout().toMillis()))
                .set(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, true)
                .set(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
                .set(UndertowOptions.ALWAYS_SET_DATE, true)
                .set(UndertowOptions.BUFFER_PIPELINED_DATA, true)
                .set(UndertowOptions.ENABLE_HTTP2, false)
                .getMap();
    }

    /** Request line plus every header byte: beyond it Undertow itself answers 400 and closes. */
    static int headBackstop(ServerSettings settings) {
        long sum = (long) settings.urlLengthLimit() + REQUEST_LINE_SLACK + settings.maxHeadersSize().bytes() + 2;
        return (int) Math.min(sum, Integer.MAX_VALUE);
    }

    private static int millis(long value) {
        return (int) Math.min(value, Integer.MAX_VALUE);
    }
}
