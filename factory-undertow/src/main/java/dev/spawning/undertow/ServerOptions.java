package dev.spawning.undertow;

import dev.spawning.factory.server.ServerSettings;
import io.undertow.UndertowOptions;
import org.xnio.OptionMap;
import org.xnio.Options;

/**
 * Translates {@link ServerSettings} into the option maps of XNIO and Undertow, in one place so
 * that each setting's mapping (and what Undertow cannot do) is written down once.
 */
final class ServerOptions {

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
     * XNIO's acceptor ({@link XnioAcceptor}) and the connections it accepts. {@code max_connections}
     * becomes XNIO's high and low water marks: at the mark XNIO stops accepting, so new
     * connections wait in the backlog. The listening socket's own options ({@code backlog}) are
     * set where it is bound ({@link Transport}), or by whoever bound it.
     */
    static OptionMap socket(ServerSettings settings) {
        return OptionMap.builder()
                .set(Options.TCP_NODELAY, true)
                .set(Options.CONNECTION_HIGH_WATER, settings.maxConnections())
                .set(Options.CONNECTION_LOW_WATER, settings.maxConnections())
                .getMap();
    }

    /**
     * Undertow's HTTP/1.1 options. Undertow parses only the canonical heads {@link HeadScanner}
     * writes (a request line and at most four fields), so none of its own head limits can be
     * reached and its defaults stay; the server's limits are the shared decoder's. Undertow's
     * body limit is off: {@link RequestLimits} rejects a declared length over
     * {@code max_body_size} and {@link RequestBody} counts a chunked one. {@code header_timeout}
     * is not Undertow's parse timeout, which closes without a word: {@link TrackedConnection}
     * answers 408 itself. Responses to pipelined requests are buffered together and leave in
     * one write; {@link RequestBody} flushes them before a {@code 100 Continue}
     * ({@link UndertowQuirks#CONTINUE_OVERTAKES_BUFFERED_PIPELINED_RESPONSES}).
     */
    static OptionMap undertow(ServerSettings settings) {
        return OptionMap.builder()
                .set(UndertowOptions.MAX_ENTITY_SIZE, 0L)
                .set(UndertowOptions.NO_REQUEST_TIMEOUT, millis(settings.idleTimeout().toMillis()))
                .set(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
                .set(UndertowOptions.ALWAYS_SET_DATE, true)
                .set(UndertowOptions.BUFFER_PIPELINED_DATA, true)
                .set(UndertowOptions.ENABLE_HTTP2, false)
                .getMap();
    }

    private static int millis(long value) {
        return (int) Math.min(value, Integer.MAX_VALUE);
    }
}
