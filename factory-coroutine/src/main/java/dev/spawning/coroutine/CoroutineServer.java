package dev.spawning.coroutine;

import dev.spawning.factory.AcceptGate;
import dev.spawning.factory.App;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Server;
import dev.spawning.factory.ServerFigures;
import dev.spawning.factory.StopReport;
import dev.spawning.factory.server.AccessLogSink;
import dev.spawning.factory.server.BindFailures;
import dev.spawning.factory.server.Drain;
import dev.spawning.factory.server.InheritedSocket;
import dev.spawning.factory.server.Lifecycle;
import dev.spawning.factory.server.ServerMetrics;
import dev.spawning.factory.server.ServerSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The {@code coroutine} server: a virtual thread per connection runs a plain blocking request
 * loop ({@link Connection}); the app runs on that same thread, or on a pool of {@code threads}
 * platform threads. The full threading model is in {@code docs/concurrency.md}.
 *
 * <h2>Where it listens</h2>
 * On a channel handed to it, on the socket inherited as standard input ({@code bind = fd://0}),
 * taken at {@link #start} so that a deployment that names it can be checked anywhere, or on
 * {@code host} and {@code port}, which it binds. It never changes the blocking mode of a channel it
 * did not open: every process that holds the socket shares the mode.
 *
 * <p>A stop closes the listening channel, the only way to wake an accept in blocking mode. For the
 * inherited one the JDK then points standard input, output and error at {@code /dev/null} (the
 * inetd convention, {@code sun.nio.ch.InheritedChannel}): from the start of the stop, what the
 * process writes to them is lost, an access log to {@code -} included.
 *
 * <h2>Graceful stop</h2>
 * {@link #stop} drains by {@link Drain}'s rule: it marks the service as stopping (every response
 * from then on says {@code Connection: close}), closes the listening channel and waits for the
 * acceptor to end, so that every connection accepted is known; then each connection finishes by
 * itself (see {@link Connection}) while the stop waits: at the end of {@link Drain#IDLE_WINDOW} it
 * closes those still idle, and at the end of {@code grace} it cuts off what is left.
 *
 * <p>Thread-safe: the lifecycle state is kept by a {@link Lifecycle}.
 */
final class CoroutineServer implements Server {

    private final ServerSettings settings;
    private final ServerSocketChannel handed;
    private final Lifecycle<Running> lifecycle = new Lifecycle<>();
    private final ServerMetrics metrics;
    private volatile AcceptGate gate = AcceptGate.OPEN;

    /**
     * @param handed an already-bound channel to serve from, or {@code null}: the settings say where
     *               ({@code bind = fd://0}, or {@code host} and {@code port})
     */
    CoroutineServer(ServerSettings settings, ServerSocketChannel handed) {
        this.settings = settings;
        this.handed = handed;
        this.metrics = ServerMetrics.of(settings);
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
            listening = listening();
            requireBlocking(listening);
            InetSocketAddress address = ipAddress(listening);
            Service service = new Service(app, settings, accessLog, appPool(settings.threads()), metrics);
            Connections connections = new Connections(settings.maxConnections());
            Thread acceptor = Thread.ofVirtual().name("spawning-acceptor").unstarted(
                    new Acceptor(listening, service, connections, () -> gate.admits(connections.size())));
            Thread timeouts = Thread.ofVirtual().name("spawning-timeouts").unstarted(new Timeouts(connections,
                    settings.headerTimeout(), settings.idleTimeout(), settings.bodyTimeout()));
            lifecycle.started(new Running(listening, address, service, connections, acceptor, timeouts));
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

    /** {@return live counts; zeros before start} Safe from any thread: it only reads counters and states. */
    @Override
    public Optional<ServerFigures> figures() {
        Running now = lifecycle.current();
        if (now == null) {
            return Optional.of(new ServerFigures(0, 0, 0));
        }
        Connections connections = now.connections();
        return Optional.of(new ServerFigures(now.service().served(), connections.inFlight(), connections.size()));
    }

    /** {@return the metrics of every start so far; empty unless {@code metrics_bind} is set} Safe from any thread. */
    @Override
    public Optional<String> metrics() {
        return metrics.scrape();
    }

    @Override
    public boolean gateAccepts(AcceptGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
        return true;
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

    private StopReport stopGracefully(Running toStop, Duration grace) {
        long begin = System.nanoTime();
        Service service = toStop.service();
        // Stopping first: a client that sees new connections refused never gets a keep-alive answer.
        service.beginStop(begin + Drain.IDLE_WINDOW.toNanos());
        int cutOff = drain(toStop, begin + Math.min(Drain.IDLE_WINDOW.toNanos(), grace.toNanos()),
                begin + grace.toNanos());
        toStop.timeouts().interrupt();
        shutDown(service);
        return new StopReport(service.completedWhileStopping(), service.closedIdleWhileStopping(), cutOff,
                Duration.ofNanos(System.nanoTime() - begin));
    }

    /**
     * Stops accepting, then lets every connection finish: closes those still idle at
     * {@code idleSweepNanos} (the end of the idle window, or of the grace period if that comes
     * first), and cuts off what is left at {@code graceEndNanos}.
     *
     * @return how many connections it cut off
     */
    private static int drain(Running toStop, long idleSweepNanos, long graceEndNanos) {
        Connections connections = toStop.connections();
        int cutOff = 0;
        try {
            stopAccepting(toStop);
            if (!connections.awaitNone(idleSweepNanos)) {
                connections.closeIdle();
            }
            if (!connections.awaitNone(graceEndNanos)) {
                cutOff = connections.cutOffAll();
                connections.awaitNone(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            cutOff += connections.cutOffAll();
        }
        return cutOff;
    }

    /**
     * Closes the listening channel and waits for the acceptor to end: the connections it accepted
     * until then are all registered, and the drain takes them all. Never interrupts it: an accept
     * that has just taken a connection would then throw and lose it. An acceptor waiting for a
     * connection permit ({@code max_connections}) is woken by one more permit instead.
     */
    private static void stopAccepting(Running toStop) throws InterruptedException {
        quietly(toStop.listening());
        toStop.connections().wakeReserver();
        toStop.acceptor().join();
    }

    /** The channel to accept on: the one handed over, the inherited one, or one bound now. */
    private ServerSocketChannel listening() throws IOException {
        if (handed != null) {
            return handed;
        }
        return settings.inheritedSocket() ? InheritedSocket.channel() : bind(settings);
    }

    /**
     * Refuses a channel in non-blocking mode rather than change its mode: every process that holds
     * the socket shares it. (The OS-level descriptor may still be non-blocking because another
     * process made it so: the JDK's accept retries then, and that is fine.)
     */
    private void requireBlocking(ServerSocketChannel listening) {
        if (!listening.isBlocking()) {
            String which = handed != null ? "The handed listening channel" : "bind = fd://0: the inherited socket";
            throw new FactoryException(which + " is in non-blocking mode; the coroutine server accepts in blocking"
                    + " mode and never changes the mode of a socket it did not open, because every process that"
                    + " holds the socket shares it: leave it in blocking mode (configureBlocking(true))");
        }
    }

    /** The address a channel listens on; one handed over or inherited may be a Unix domain socket. */
    private static InetSocketAddress ipAddress(ServerSocketChannel listening) throws IOException {
        if (listening.getLocalAddress() instanceof InetSocketAddress address) {
            return address;
        }
        throw new FactoryException("The listening socket " + listening.getLocalAddress()
                + " is not an IP socket: the coroutine server serves HTTP over TCP/IP only");
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
