package dev.spawning.coroutine;

import dev.spawning.factory.App;
import dev.spawning.factory.server.AccessLogSink;
import dev.spawning.factory.server.ServerSettings;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every connection of one running server shares: the app, the settings, the parser, the
 * access log, the app pool ({@code threads}), and the stop state.
 *
 * <p>Thread-safe: immutable but for {@link #stopping} (volatile, set once) and the completed
 * counter (atomic).
 */
final class Service {

    static final System.Logger LOG = System.getLogger("dev.spawning.coroutine");

    private final App app;
    private final ServerSettings settings;
    private final HeadParser parser;
    private final AccessLogSink accessLog;
    private final ExecutorService appPool;
    private final AtomicInteger completedWhileStopping = new AtomicInteger();
    private volatile boolean stopping;

    /** @param appPool the pool apps run on when {@code threads} is set; {@code null} otherwise */
    Service(App app, ServerSettings settings, AccessLogSink accessLog, ExecutorService appPool) {
        this.app = app;
        this.settings = settings;
        this.parser = new HeadParser(settings);
        this.accessLog = accessLog;
        this.appPool = appPool;
    }

    App app() {
        return app;
    }

    ServerSettings settings() {
        return settings;
    }

    HeadParser parser() {
        return parser;
    }

    AccessLogSink accessLog() {
        return accessLog;
    }

    /** The pool apps run on, or {@code null}: apps run on their connection's virtual thread. */
    ExecutorService appPool() {
        return appPool;
    }

    boolean stopping() {
        return stopping;
    }

    void beginStop() {
        stopping = true;
    }

    /** Counts a request whose response was sent while the server was stopping. */
    void ended() {
        completedWhileStopping.incrementAndGet();
    }

    int completedWhileStopping() {
        return completedWhileStopping.get();
    }
}
