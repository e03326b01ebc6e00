package dev.spawning.undertow;

import dev.spawning.factory.server.ServerSettings;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.StreamConnection;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * Every open connection of one server, and the counts a graceful stop reports. Undertow keeps no
 * list of connections that it would let us close selectively, so this class wraps Undertow's open
 * listener to see each connection arrive, read and close.
 *
 * <p>Threading: {@link #openListener} and the idle checks run on IO threads; exchanges start on
 * an IO thread (or on the app thread that parses a pipelined request) and end on app threads;
 * {@link #awaitQuiet} and {@link #cutOffAll} run on the thread calling {@code Server.stop}. The
 * map is concurrent; {@link #lock} guards only the "nothing left to serve" signal.
 */
final class ConnectionTracker {

    private final Map<StreamConnection, TrackedConnection> open = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition quietNow = lock.newCondition();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger completedWhileStopping = new AtomicInteger();
    private final ServerSettings settings;
    private volatile boolean stopping;

    /** @param settings the server's, for each connection's decoder and head timer */
    ConnectionTracker(ServerSettings settings) {
        this.settings = settings;
    }

    /** Undertow's open listener, wrapped so that each connection is tracked from its first byte. */
    ChannelListener<StreamConnection> openListener(ChannelListener<StreamConnection> undertow) {
        return channel -> opened(channel, undertow);
    }

    /** True once a stop has begun: responses then say {@code Connection: close}. */
    boolean stopping() {
        return stopping;
    }

    /** Requests handed to an app thread and not yet answered. */
    int inFlight() {
        return inFlight.get();
    }

    /**
     * Called by the root handler when Undertow has parsed a request head. Adds an exchange
     * listener that keeps the connection's state, and closes the connection after the response
     * once a stop has begun. Returns what the connection's scanner decoded for the request's head.
     */
    HeadFacts exchangeStarted(HttpServerExchange exchange) {
        AbstractServerConnection server = (AbstractServerConnection) exchange.getConnection();
        TrackedConnection tracked = open.get(server.getChannel());
        inFlight.incrementAndGet();
        HeadFacts facts = tracked.exchangeStarted(server);
        exchange.addExchangeCompleteListener((ended, next) -> {
            tracked.exchangeEnded();
            if (stopping) {
                stoppedAfter(ended, tracked);
            }
            next.proceed();
        });
        return facts;
    }

    /** Connections holding part of a request head: for tests and diagnostics. */
    int headsBegun() {
        return (int) open.values().stream().filter(TrackedConnection::holdsPartOfAHead).count();
    }

    /** Called by the app thread once it has written a response in full (or given up on it). */
    void responseFinished() {
        inFlight.decrementAndGet();
    }

    /**
     * An exchange ended during a stop: its connection closes now. It counts as completed unless it
     * ended because its connection was closed under it (cut off, or the client went away).
     */
    private void stoppedAfter(HttpServerExchange ended, TrackedConnection tracked) {
        ended.setPersistent(false);
        if (tracked.channel().isOpen()) {
            completedWhileStopping.incrementAndGet();
        }
        tracked.finish();
        signalIfQuiet();
    }

    /** Requests answered since the stop began. */
    int completedWhileStopping() {
        return completedWhileStopping.get();
    }

    /**
     * Marks the server as stopping and closes every idle connection, each on its own IO thread.
     * Returns how many were closed; waits at most until {@code deadlineNanos}.
     */
    int beginStop(long deadlineNanos) throws InterruptedException {
        markStopping();
        List<CompletableFuture<Boolean>> checks = new ArrayList<>();
        for (TrackedConnection tracked : open.values()) {
            checks.add(closeIfIdle(tracked));
        }
        int closed = 0;
        for (CompletableFuture<Boolean> check : checks) {
            closed += closedBefore(check, deadlineNanos) ? 1 : 0;
        }
        return closed;
    }

    /**
     * From now on every response says {@code Connection: close}. Called before the listening
     * socket closes, so that a client that sees the stop (its new connections refused) never gets
     * a keep-alive answer on an older connection.
     */
    void markStopping() {
        stopping = true;
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
     * Closes every connection still open; returns how many were cut off while serving or reading
     * a request (a connection that only waited for the client's close does not count).
     */
    int cutOffAll() {
        int count = 0;
        for (TrackedConnection tracked : List.copyOf(open.values())) {
            count += tracked.cutOff() ? 1 : 0;
        }
        return count;
    }

    private void opened(StreamConnection channel, ChannelListener<StreamConnection> undertow) {
        TrackedConnection tracked = new TrackedConnection(channel, settings.headerTimeout().toNanos());
        open.put(channel, tracked);
        ConduitStreamSourceChannel source = channel.getSourceChannel();
        ObservedSourceConduit conduit = new ObservedSourceConduit(source.getConduit(), settings, tracked);
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
        } else if (stopping) {
            closeIfIdle(tracked);
        }
    }

    private void closed(StreamConnection channel) {
        if (open.remove(channel) != null) {
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
        if (stopping && quiet()) {
            lock.lock();
            try {
                quietNow.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private static CompletableFuture<Boolean> closeIfIdle(TrackedConnection tracked) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        tracked.channel().getIoThread().execute(() -> result.complete(tracked.closeIfIdle()));
        return result;
    }

    private static boolean closedBefore(CompletableFuture<Boolean> check, long deadlineNanos)
            throws InterruptedException {
        try {
            return check.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException notChecked) {
            return false;
        }
    }
}
