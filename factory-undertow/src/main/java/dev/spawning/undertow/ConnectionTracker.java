package dev.spawning.undertow;

import dev.spawning.factory.AcceptGate;
import dev.spawning.factory.ServerFigures;
import dev.spawning.factory.server.Drain;
import dev.spawning.factory.server.ForwardedHeaders;
import dev.spawning.factory.server.ServerMetrics;
import dev.spawning.factory.server.ServerSettings;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.StreamConnection;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * Every open connection of one server, its figures, and the drain of a graceful stop. Undertow
 * keeps no list of connections that it would let us close selectively, so this class sees each
 * connection as it is accepted ({@link XnioAcceptor}), hands it to Undertow's open listener on
 * its IO thread, and sees it read and close.
 *
 * <p>Threading: {@link #accepted} runs on XNIO's accept thread; the opening of a connection and
 * the drain's checks on its IO thread; exchanges start on an IO thread (or on the app thread that
 * parses a pipelined request) and are answered on app threads; {@link #beginStop},
 * {@link #awaitQuiet} and {@link #cutOffAll} run on the thread calling {@code Server.stop}. The
 * map is concurrent; {@link #lock} guards only the "nothing left to serve" signal.
 */
final class ConnectionTracker {

    private static final long IDLE_WINDOW_NANOS = Drain.IDLE_WINDOW.toNanos();

    private final Map<StreamConnection, TrackedConnection> open = new ConcurrentHashMap<>();
    private volatile AcceptGate gate = AcceptGate.OPEN;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition quietNow = lock.newCondition();
    private final Counts counts;
    private final ServerSettings settings;
    private final ForwardedHeaders forwarding;

    /** @param settings the server's, for each connection's decoder and head timer */
    ConnectionTracker(ServerSettings settings) {
        this.settings = settings;
        this.counts = new Counts(ServerMetrics.of(settings));
        this.forwarding = settings.proxy().forwarding();
    }

    /**
     * On XNIO's accept thread: counts {@code connection} from now on and hands it to
     * {@code undertow}, Undertow's open listener, on the connection's IO thread.
     */
    void accepted(StreamConnection connection, ChannelListener<StreamConnection> undertow) {
        TrackedConnection tracked = new TrackedConnection(connection, settings.headerTimeout().toNanos(), counts);
        open.put(connection, tracked);
        counts.metrics().connectionOpened();
        try {
            connection.getIoThread().execute(() -> opened(tracked, undertow));
        } catch (RejectedExecutionException shuttingDown) {
            tracked.cutOff();
            closed(connection);
        }
    }

    /** True once a stop has begun: responses then say {@code Connection: close}. */
    boolean stopping() {
        return counts.stopping();
    }

    /** {@return completed when a stop begins: every request's {@link dev.spawning.factory.Request#serverStopping}} */
    CompletionStage<Void> stopBegun() {
        return counts.stopBegun();
    }

    /** From any thread: the gate {@link #admitsAnother} asks from now on. */
    void gate(AcceptGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** On XNIO's accept thread, before each accept: whether the server's gate lets one more connection in now. */
    boolean admitsAnother() {
        return gate.admits(open.size());
    }

    /** {@return the server's Prometheus metrics: off unless {@code metrics_bind} is set} */
    ServerMetrics metrics() {
        return counts.metrics();
    }

    /** What the server is doing now. */
    ServerFigures figures() {
        return counts.figures(open.size());
    }

    /**
     * Called by the root handler when Undertow has parsed a request head. Adds an exchange
     * listener that keeps the connection's state and counts the request during a stop. Returns
     * what the connection's scanner decoded for the request's head.
     */
    HeadFacts exchangeStarted(HttpServerExchange exchange) {
        TrackedConnection tracked = trackedFor(exchange);
        HeadFacts facts = tracked.exchangeStarted((AbstractServerConnection) exchange.getConnection());
        if (tracked.client() != null) {
            exchange.putAttachment(Requests.PROXIED_CLIENT, tracked.client());
        }
        exchange.addExchangeCompleteListener((ended, next) -> {
            boolean last = !ended.isPersistent();
            tracked.exchangeEnded(last);
            if (tracked.channel().isOpen()) {
                counts.completed();
            }
            if (counts.stopping()) {
                stoppedAfter(tracked, last);
            }
            next.proceed();
        });
        return facts;
    }

    /** Connections holding part of a request head: for tests and diagnostics. */
    int headsBegun() {
        return (int) open.values().stream().filter(TrackedConnection::holdsPartOfAHead).count();
    }

    /**
     * Called by the app thread once it has its response ready (or has given up on it), before the
     * last of it is written: the request counts as served and no longer as in flight.
     */
    void responseFinished(HttpServerExchange exchange) {
        counts.served();
        TrackedConnection tracked = trackedFor(exchange);
        if (tracked != null) {
            tracked.answered();
        }
    }

    /**
     * An exchange ended during a stop. After a response that said {@code Connection: close} the
     * connection is closing; after one that did not (its head left before the stop began), the
     * connection is idle between requests and gets {@link Drain#IDLE_WINDOW} for its next.
     */
    private void stoppedAfter(TrackedConnection tracked, boolean last) {
        if (!last) {
            tracked.closeIfSilentUntil(System.nanoTime() + IDLE_WINDOW_NANOS);
        }
        signalIfQuiet();
    }

    /** Requests answered since the stop began. */
    int completedWhileStopping() {
        return counts.completedWhileStoppingSoFar();
    }

    /** Connections closed during the stop while they waited for a request. */
    int closedIdle() {
        return counts.closedIdleSoFar();
    }

    /**
     * From now on every response says {@code Connection: close}. Called before the listening
     * socket closes, so that a client that sees the stop (its new connections refused) never gets
     * a keep-alive answer begun after it.
     */
    void markStopping() {
        counts.markStopping();
    }

    /**
     * Starts the drain of every connection, each on its own IO thread: one waiting for its first
     * request or idle between requests gets its window ({@link TrackedConnection#stopBegan}).
     * Called after the listening socket has closed, so that no connection accepted escapes it.
     */
    void beginStop() {
        for (TrackedConnection tracked : open.values()) {
            try {
                tracked.channel().getIoThread().execute(() -> tracked.stopBegan(IDLE_WINDOW_NANOS));
            } catch (RejectedExecutionException shuttingDown) {
                // Its IO thread is gone and the connection with it; cutOffAll forgets it.
            }
        }
    }

    /**
     * Waits until every connection has closed or finished its last response, or the deadline
     * passed; true when nothing is left to serve.
     */
    boolean awaitQuiet(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = deadlineNanos - System.nanoTime();
            while (!quiet() && remaining > 0) {
                remaining = quietNow.awaitNanos(remaining);
            }
            return quiet();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes every connection still open; returns how many were cut off while serving, reading
     * or waiting for a first request (see {@link TrackedConnection#cutOff}).
     */
    int cutOffAll() {
        int count = 0;
        for (TrackedConnection tracked : List.copyOf(open.values())) {
            count += tracked.cutOff() ? 1 : 0;
            closed(tracked.channel());
        }
        return count;
    }

    /** On the connection's IO thread: the scanner goes under Undertow's parser, then Undertow opens it. */
    private void opened(TrackedConnection tracked, ChannelListener<StreamConnection> undertow) {
        StreamConnection channel = tracked.channel();
        if (!channel.isOpen()) {
            closed(channel);
            return;
        }
        ConduitStreamSourceChannel source = channel.getSourceChannel();
        ObservedSourceConduit conduit = new ObservedSourceConduit(source.getConduit(), settings, tracked);
        if (settings.proxy().protocol() && !awaitProxyHeader(channel, conduit)) {
            Quietly.close(channel);
            closed(channel);
            return;
        }
        tracked.readBy(conduit);
        source.setConduit(conduit);
        undertow.handleEvent(channel);
        // Undertow installed its own close listener just now (UndertowQuirks.SETS_THE_CLOSE_LISTENER_ON_OPEN);
        // ours runs after it.
        ChannelListener<? super StreamConnection> undertowClose = channel.getCloseListener();
        channel.setCloseListener(gone -> {
            try {
                ChannelListeners.invokeChannelListener(gone, undertowClose);
            } finally {
                closed(gone);
            }
        });
        if (!channel.isOpen()) {
            closed(channel);
        } else if (counts.stopping()) {
            tracked.stopBegan(IDLE_WINDOW_NANOS);
        }
    }

    /**
     * With {@code proxy_protocol}: has {@code conduit} read the PROXY header first; false when the
     * peer may not send one ({@code proxy_allow_ips}) and the connection is refused, as on the
     * coroutine provider.
     */
    private boolean awaitProxyHeader(StreamConnection channel, ObservedSourceConduit conduit) {
        InetSocketAddress peer = channel.getPeerAddress(InetSocketAddress.class);
        if (!settings.proxy().allowIps().contains(peer)) {
            UndertowServer.LOG.log(System.Logger.Level.DEBUG, () -> "Connection from " + peer
                    + " refused: not in proxy_allow_ips");
            return false;
        }
        conduit.awaitProxyHeader(peer);
        return true;
    }

    /** The resolver of the forwarding fields from {@code forwarded_allow_ips}. */
    ForwardedHeaders forwarding() {
        return forwarding;
    }

    private TrackedConnection trackedFor(HttpServerExchange exchange) {
        return open.get(((AbstractServerConnection) exchange.getConnection()).getChannel());
    }

    private void closed(StreamConnection channel) {
        TrackedConnection tracked = open.remove(channel);
        if (tracked != null) {
            tracked.closed();
            counts.metrics().connectionClosed();
            signalIfQuiet();
        }
    }

    private boolean quiet() {
        for (TrackedConnection tracked : open.values()) {
            if (!tracked.finished()) {
                return false;
            }
        }
        return true;
    }

    private void signalIfQuiet() {
        if (counts.stopping() && quiet()) {
            lock.lock();
            try {
                quietNow.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
