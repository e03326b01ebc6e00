package dev.spawning.coroutine;

import dev.spawning.factory.App;
import dev.spawning.factory.Server;
import dev.spawning.factory.StopReport;
import dev.spawning.factory.server.AccessLogSink;
import dev.spawning.factory.server.BindFailures;
import dev.spawning.factory.server.Lifecycle;
import dev.spawning.factory.server.ServerSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The {@code coroutine} server: a virtual thread per connection runs a plain blocking request
 * loop ({@link Connection}); the app runs on that same thread, or on a pool of {@code threads}
 * platform threads. The full threading model is in {@code docs/concurrency.md}.
 *
 * <h2>Graceful stop</h2>
 * {@link #stop} marks the service as stopping (every response from then on says
 * {@code Connection: close}), closes the listening channel at once, closes each connection that waits for a
 * request with nothing of one read, waits until every connection has closed or {@code grace} has
 * passed, then cuts off what is left.
 *
 * <p>Thread-safe: the lifecycle state is kept by a {@link Lifecycle}.
 */
final class CoroutineServer implements Server {

    private final ServerSettings settings;
    private final ServerSocketChannel handed;
    private final Lifecycle<Running> lifecycle = new Lifecycle<>();

    /** @param handed an already-bound channel to serve from, or {@code null} to bind the settings' address */
    CoroutineServer(ServerSettings settings, ServerSocketChannel handed) {
        this.settings = settings;
        this.handed = handed;
    }

    /** What exists only while the server runs. */
    private record Running(ServerSocketChannel listening, InetSocketAddress address, Service service,
            Connections connections, Thread acceptor, Thread timeouts) {
    }

    @Override
    public void start(App app) throws IOException {
        lifecycle.claimStart();
        ServerSocketChannel listening = null;
        AccessLogSink accessLog = null;
        try {
            accessLog = AccessLogSink.open(settings);
            listening = handed != null ? handed : bind(settings);
            listening.configureBlocking(true);
            Service service = new Service(app, settings, accessLog, appPool(settings.threads()));
            Connections connections = new Connections(settings.maxConnections());
            Thread acceptor = Thread.ofVirtual().name("spawning-acceptor").unstarted(
                    new Acceptor(listening, service, connections));
            Thread timeouts = Thread.ofVirtual().name("spawning-timeouts").unstarted(new Timeouts(connections,
                    settings.headerTimeout(), settings.idleTimeout(), settings.bodyTimeout()));
            lifecycle.started(new Running(listening, (InetSocketAddress) listening.getLocalAddress(), service, connections,
                    acceptor, timeouts));
            timeouts.start();
            acceptor.start();
        } catch (IOException | RuntimeException failed) {
            closeAfterFailure(failed, listening, accessLog);
            lifecycle.failedStart();
            throw failed;
        }
    }

    @Override
    public List<InetSocketAddress> addresses() {
        Running now = lifecycle.current();
        return now == null ? List.of() : List.of(now.address());
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
    public Duration gracefulTimeout() {
        return settings.gracefulTimeout();
    }

    @Override
    public String toString() {
        return "CoroutineServer" + addresses();
    }

    /** Open connections, for tests and diagnostics. */
    int openConnections() {
        Running now = lifecycle.current();
        return now == null ? 0 : now.connections().size();
    }

    private StopReport stopGracefully(Running toStop, Duration grace) {
        long begin = System.nanoTime();
        long deadline = begin + grace.toNanos();
        // Stopping first: a client that sees new connections refused never gets a keep-alive answer.
        toStop.service().beginStop();
        quietly(toStop.listening());
        int closedIdle = toStop.connections().closeIdle();
        int cutOff = 0;
        try {
            if (!toStop.connections().awaitNone(deadline)) {
                cutOff = toStop.connections().cutOffAll();
                toStop.connections().awaitNone(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
            }
            toStop.acceptor().join(Duration.ofSeconds(1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            cutOff += toStop.connections().cutOffAll();
        }
        toStop.timeouts().interrupt();
        shutDown(toStop.service());
        return new StopReport(toStop.service().completedWhileStopping(), closedIdle, cutOff,
                Duration.ofNanos(System.nanoTime() - begin));
    }

    private static ServerSocketChannel bind(ServerSettings settings) throws IOException {
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            if (address.isUnresolved()) {
                throw new IOException("Cannot resolve host");
            }
            channel.bind(address, settings.backlog());
            return channel;
        } catch (IOException failed) {
            quietly(channel);
            throw BindFailures.named(settings, failed);
        }
    }

    /** The pool apps run on when {@code threads} is set; {@code null} for none. */
    private static ExecutorService appPool(int threads) {
        if (threads == 0) {
            return null;
        }
        return Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("spawning-app-", 0).daemon(true).factory());
    }

    private static void shutDown(Service service) {
        if (service.appPool() != null) {
            service.appPool().shutdownNow();
        }
        try {
            service.accessLog().close();
        } catch (IOException failed) {
            Service.LOG.log(System.Logger.Level.WARNING, "Cannot close the access log", failed);
        }
    }

    private static void closeAfterFailure(Exception failed, ServerSocketChannel listening, AccessLogSink accessLog) {
        try {
            if (accessLog != null) {
                accessLog.close();
            }
        } catch (IOException cleanup) {
            failed.addSuppressed(cleanup);
        }
        if (listening != null) {
            quietly(listening);
        }
    }

    private static void quietly(ServerSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is all that was asked
        }
    }
}
