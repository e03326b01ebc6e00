package dev.spawning.undertow;

import dev.spawning.factory.AcceptGate;
import dev.spawning.factory.App;
import dev.spawning.factory.Server;
import dev.spawning.factory.ServerFigures;
import dev.spawning.factory.StopReport;
import dev.spawning.factory.server.AccessLogSink;
import dev.spawning.factory.server.Lifecycle;
import dev.spawning.factory.server.ServerSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The {@code undertow} server: Undertow core parses HTTP/1.1 on a few IO threads and each request
 * runs on an app thread of its own.
 *
 * <h2>Threading model</h2>
 * <ul>
 *   <li><b>XNIO's accept thread</b> (daemon): accepts each connection ({@link XnioAcceptor}),
 *       counts it ({@link ConnectionTracker#accepted}) and hands it to an IO thread.</li>
 *   <li><b>XNIO IO threads</b> (one per core, at least two; daemon): open connections, read and
 *       parse request heads (each connection's bytes first pass its {@link HeadScanner}), run
 *       {@link RootHandler} (count, check the head and limits, hand over), signal readiness to
 *       waiting app threads, run each connection's {@code header_timeout} timer, which writes the
 *       408, and during a stop its drain timer, which closes it if it stays silent. They never
 *       block and never run app code.</li>
 *   <li><b>App threads</b> (a virtual thread per request, or a pool of {@code threads} platform
 *       threads; created in {@link #appThreads}, the server's only executor, which XNIO uses for
 *       its own tasks too): run {@link AppCall}: the app, body reads ({@link RequestBody}), body
 *       writes ({@link ResponseBody}), the access log line, the end of the exchange. They may
 *       block anywhere; waits on the socket park on a semaphore ({@link ChannelWaits}) instead
 *       of selecting.</li>
 *   <li><b>The caller of {@link #start} and {@link #stop}</b>: binds (or takes the socket handed
 *       over or inherited), and during a stop closes the listening socket, waits for connections
 *       to finish, cuts off the rest, shuts down.</li>
 * </ul>
 * Locks: each {@link TrackedConnection}'s monitor guards that connection's request counters, the
 * facts its scanner queued for heads not yet handed over, and its two timers; {@link XnioAcceptor}
 * holds one while it accepts a connection or closes the socket;
 * {@link ConnectionTracker} holds a lock only to signal "all connections closed"; a {@link Lifecycle}
 * keeps the lifecycle state. No lock is held while blocking on I/O or on an app.
 *
 * <h2>Graceful stop</h2>
 * {@link #stop} drains by {@link dev.spawning.factory.server.Drain}'s rule: it marks the server as
 * stopping (every response from then on says {@code Connection: close}, and a response already
 * streaming closes its connection when done), closes the listening socket at once, gives a
 * connection that has had no request yet until {@code header_timeout} after its accept for its
 * first, and one idle between requests {@link dev.spawning.factory.server.Drain#IDLE_WINDOW} for
 * its next (closing it if none comes), waits until every connection has closed or {@code grace}
 * has passed, then closes what is left and interrupts the app threads still running.
 */
final class UndertowServer implements Server {

    static final System.Logger LOG = System.getLogger("dev.spawning.undertow");

    /** How long a stop waits for XNIO's threads after the connections are gone. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final ServerSettings settings;
    private final Clocks clocks;
    private final ServerSocketChannel handed;
    private final ConnectionTracker tracker;
    private final Lifecycle<Running> lifecycle = new Lifecycle<>();

    /**
     * @param handed the listening socket to serve, owned by the server from now on; null to bind
     *               {@code host} and {@code port}, or to take the inherited socket at start when
     *               the settings say {@code bind = fd://0}
     */
    UndertowServer(ServerSettings settings, Clocks clocks, ServerSocketChannel handed) {
        this.settings = settings;
        this.clocks = clocks;
        this.handed = handed;
        this.tracker = new ConnectionTracker(settings);
    }

    /** What exists only while the server runs. */
    private record Running(Transport transport, ExecutorService appThreads, AccessLogSink accessLog) {
    }

    @Override
    public void start(App app) throws IOException {
        lifecycle.claimStart();
        ExecutorService appThreads = appThreads(settings.threads());
        AccessLogSink accessLog = null;
        try {
            accessLog = AccessLogSink.open(settings, clocks.wall(), clocks.nanoTime());
            RootHandler root = new RootHandler(served(app, accessLog), new RequestLimits(settings), appThreads);
            Transport transport = Transport.open(settings, handed, appThreads, root, tracker);
            lifecycle.started(new Running(transport, appThreads, accessLog));
        } catch (IOException | RuntimeException failed) {
            appThreads.shutdownNow();
            closeAfterFailure(accessLog, failed);
            lifecycle.failedStart();
            throw failed;
        }
    }

    @Override
    public List<InetSocketAddress> addresses() {
        Running now = lifecycle.current();
        return now == null ? List.of() : List.of(now.transport().address());
    }

    @Override
    public StopReport stop(Duration grace) {
        return lifecycle.stop(running -> stopGracefully(running, grace));
    }

    @Override
    public void await() throws InterruptedException {
        lifecycle.await();
    }

    @Override
    public boolean gateAccepts(AcceptGate gate) {
        tracker.gate(gate);
        return true;
    }

    /** {@return the metrics of every start so far; empty unless {@code metrics_bind} is set} Safe from any thread. */
    @Override
    public Optional<String> metrics() {
        return tracker.metrics().scrape();
    }

    @Override
    public Optional<ServerFigures> figures() {
        return Optional.of(tracker.figures());
    }

    @Override
    public Duration gracefulTimeout() {
        return settings.gracefulTimeout();
    }

    /** Connections holding part of a request head: for tests and diagnostics. */
    int headsBegun() {
        return tracker.headsBegun();
    }

    @Override
    public String toString() {
        return "UndertowServer" + addresses();
    }

    /**
     * The executor every app call (and every XNIO task) runs on: a virtual thread per task, or
     * {@code threads} platform threads.
     */
    static ExecutorService appThreads(int threads) {
        if (threads == 0) {
            return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("spawning-app-", 0).factory());
        }
        ThreadFactory platform = Thread.ofPlatform().name("spawning-app-", 0).daemon(true).factory();
        return Executors.newFixedThreadPool(threads, platform);
    }

    private StopReport stopGracefully(Running toStop, Duration grace) {
        long begin = System.nanoTime();
        long deadline = begin + grace.toNanos();
        tracker.markStopping();
        toStop.transport().stopAccepting();
        int cutOff = 0;
        try {
            tracker.beginStop();
            if (!tracker.awaitQuiet(deadline)) {
                cutOff = tracker.cutOffAll();
            }
            finishAppThreads(toStop.appThreads(), deadline);
            toStop.transport().shutdown(System.nanoTime() + SHUTDOWN_WAIT.toNanos());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            cutOff += tracker.cutOffAll();
            toStop.appThreads().shutdownNow();
            toStop.transport().shutdownNow();
        }
        closeAfterStop(toStop.accessLog());
        return new StopReport(tracker.completedWhileStopping(), tracker.closedIdle(), cutOff,
                Duration.ofNanos(System.nanoTime() - begin));
    }

    /**
     * Lets app threads finish what follows their last response (the access log line) until the
     * deadline, then interrupts those still running: their connections are already closed.
     */
    private static void finishAppThreads(ExecutorService appThreads, long deadlineNanos) throws InterruptedException {
        appThreads.shutdown();
        if (!appThreads.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            appThreads.shutdownNow();
        }
    }

    private AppCall.Served served(App app, AccessLogSink accessLog) {
        return new AppCall.Served(app, settings.keepAlive(), settings.debug(), settings.bodyTimeout().toNanos(),
                settings.maxBodySize().bytes(), tracker, accessLog);
    }

    private static void closeAfterFailure(AccessLogSink accessLog, Exception failed) {
        if (accessLog == null) {
            return;
        }
        try {
            accessLog.close();
        } catch (IOException cleanup) {
            failed.addSuppressed(cleanup);
        }
    }

    private static void closeAfterStop(AccessLogSink accessLog) {
        try {
            accessLog.close();
        } catch (IOException failed) {
            LOG.log(System.Logger.Level.WARNING, "Cannot close the access log", failed);
        }
    }
}
