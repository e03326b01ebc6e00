package dev.spawning.undertow;

import io.undertow.server.AbstractServerConnection;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.xnio.StreamConnection;

/**
 * What one connection is doing, as far as its figures, a graceful stop and {@code header_timeout}
 * care: waiting for its first request, serving a request, holding the first bytes of the next
 * one, or idle between requests; and what its scanner saw in the heads Undertow has yet to hand
 * over. Updated by XNIO's accept thread (once, when it is built), the connection's IO thread
 * (bytes read, request parsed, its timers) and the threads that answer and end each exchange;
 * every method holds this object's monitor for a few field updates only.
 *
 * <p>In flight ({@link Counts#busy}): from accept until its first request is answered, and again
 * from the first byte of each later request until it is answered; never once closed.
 *
 * <p>{@code header_timeout}: one timer per connection runs while a head has begun to arrive and
 * is not complete. It is armed when a head begins and not cancelled when the head completes;
 * when it fires it re-arms for the head now in progress, if any, so a busy connection costs one
 * timer per timeout period rather than one per request. A head still incomplete after the
 * timeout gets {@link ErrorBytes#REQUEST_TIMEOUT} and the connection closes.
 *
 * <p>Draining ({@link dev.spawning.factory.server.Drain}): once a stop has begun, a connection
 * that may still get a request is given a window for it ({@link #closeIfSilentUntil}), timed by a
 * second timer on its IO thread that re-arms like the first; a request that comes in the window
 * is served (its response says {@code Connection: close}), and a connection still idle at the
 * end of it is closed.
 */
final class TrackedConnection {

    private final StreamConnection channel;
    private final long headTimeoutNanos;
    private final Counts counts;
    private final long acceptedAt;
    private final ArrayDeque<HeadFacts> heads = new ArrayDeque<>(2);
    private AbstractServerConnection server;
    private int active;
    private boolean begun;
    private boolean requestSeen;
    private boolean busy;
    private boolean closed;
    private long begunAt;
    private boolean timerArmed;
    private long drainUntil;
    private boolean drainTimerArmed;
    private volatile boolean finished;
    private volatile HeadFacts refusedBody;
    private ObservedSourceConduit source;
    /** The client its PROXY header named (or its peer); null without {@code proxy_protocol}. */
    private volatile InetSocketAddress client;

    /**
     * A connection just accepted: in flight until its first request is answered.
     *
     * @param headTimeoutNanos {@code header_timeout}; 0 for none
     */
    TrackedConnection(StreamConnection channel, long headTimeoutNanos, Counts counts) {
        this.channel = channel;
        this.headTimeoutNanos = headTimeoutNanos;
        this.counts = counts;
        this.acceptedAt = System.nanoTime();
        this.busy = true;
        counts.busy(true);
    }

    StreamConnection channel() {
        return channel;
    }

    /** The conduit that reads this connection for Undertow, installed when it opened on its IO thread. */
    synchronized void readBy(ObservedSourceConduit conduit) {
        source = conduit;
    }

    /**
     * Its PROXY header was read: requests come from {@code proxiedClient}. Without a byte of the
     * first request after it, the connection waits for one as a fresh connection does: the header
     * alone begins no request head.
     */
    synchronized void proxied(InetSocketAddress proxiedClient, boolean requestBegun) {
        client = proxiedClient;
        begun = requestBegun;
    }

    /** {@return the client its PROXY header named; null without {@code proxy_protocol}} */
    InetSocketAddress client() {
        return client;
    }

    /** Bytes arrived; between requests they are the start of the next one. */
    synchronized void bytesRead() {
        if (active == 0 && !begun) {
            headBegun();
        }
    }

    /** True while bytes of a request head have arrived and Undertow has not parsed it yet. */
    synchronized boolean holdsPartOfAHead() {
        return begun;
    }

    /**
     * The scanner refused the body of {@code facts}' request: nothing after it reaches Undertow,
     * and the connection carries no further request.
     */
    void bodyRefused(HeadFacts facts) {
        facts.refuseBody();
        refusedBody = facts;
    }

    /**
     * Whether the connection's input must be withheld rather than ended: a body was refused and
     * its app may still read it. Undertow closes the connection on a failed body read before the
     * server can answer ({@link UndertowQuirks#CLOSES_ON_BODY_READ_FAILURE}); the app's read fails
     * by {@link HeadFacts#bodyRefused} instead.
     */
    boolean withholdsInput() {
        HeadFacts refused = refusedBody;
        return refused != null && !refused.answered();
    }

    /** The scanner decoded a whole head; Undertow will hand its canonical form over in this order. */
    synchronized void headParsed(HeadFacts facts) {
        heads.add(facts);
    }

    /**
     * Undertow parsed a request head on this connection and handed it to the root handler.
     * Returns what the scanner decoded for that head.
     *
     * @throws IllegalStateException when Undertow parsed a head the scanner did not write, which
     *                               {@link HeadScanner}'s invariant rules out
     */
    synchronized HeadFacts exchangeStarted(AbstractServerConnection connection) {
        server = connection;
        active++;
        begun = false;
        requestSeen = true;
        busy(true);
        HeadFacts facts = heads.poll();
        if (facts == null) {
            throw new IllegalStateException("Undertow parsed a request head the scanner did not write");
        }
        return facts;
    }

    /** The response is written, or on its way from the IO thread: the request is no longer in flight. */
    synchronized void answered() {
        busy(false);
    }

    /**
     * The exchange's request and response are both done. After the {@code last} response the
     * connection closes; otherwise bytes Undertow already holds for the next (pipelined) request
     * count as a begun request.
     */
    synchronized void exchangeEnded(boolean last) {
        active--;
        begun = false;
        if (last) {
            finished = true;
        } else if (server.getExtraBytes() != null || source.holdsInput()) {
            headBegun();
        }
    }

    /** The connection closed: it counts as in flight no more. */
    synchronized void closed() {
        busy(false);
        closed = true;
    }

    private void headBegun() {
        begun = true;
        requestSeen = true;
        begunAt = System.nanoTime();
        busy(true);
        armTimer(headTimeoutNanos);
    }

    private void busy(boolean now) {
        if (busy != now && !closed) {
            busy = now;
            counts.busy(now);
        }
    }

    private void armTimer(long delayNanos) {
        if (timerArmed || headTimeoutNanos == 0) {
            return;
        }
        timerArmed = true;
        channel.getIoThread().executeAfter(this::headTimerFired, delayNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * On the IO thread: a head begun {@code header_timeout} ago and still incomplete ends in 408;
     * a PROXY header still incomplete, in a close without an answer.
     */
    private void headTimerFired() {
        long headBegunAt;
        synchronized (this) {
            timerArmed = false;
            if (!begun || active > 0 || !channel.isOpen()) {
                return;
            }
            long waited = System.nanoTime() - begunAt;
            if (waited < headTimeoutNanos) {
                armTimer(headTimeoutNanos - waited);
                return;
            }
            headBegunAt = begunAt;
        }
        if (source != null && source.awaitsProxyHeader()) {
            Quietly.close(channel);
            return;
        }
        counts.served();
        counts.completed();
        ErrorBytes.sendAndClose(channel, ErrorBytes.REQUEST_TIMEOUT);
        counts.metrics().requestRefused(headBegunAt, null, 408, ErrorBytes.bodyBytes(ErrorBytes.REQUEST_TIMEOUT));
    }

    /** Its last response is complete and Undertow is closing it: nothing left to serve, nothing to cut off. */
    boolean finished() {
        return finished;
    }

    /**
     * On the connection's IO thread, once a stop has begun: a connection that has had no request
     * yet is given until {@code header_timeout} after its accept for its first; one idle between
     * requests is given {@code idleWindowNanos} for its next. A connection serving a request needs
     * nothing: its response says {@code Connection: close}. One not yet opened is left to
     * {@link ConnectionTracker}, which calls this again when it opens.
     */
    void stopBegan(long idleWindowNanos) {
        long until;
        synchronized (this) {
            if (source == null || finished) {
                return;
            }
            if (!requestSeen && headTimeoutNanos > 0) {
                until = acceptedAt + headTimeoutNanos;
            } else if (requestSeen && idle()) {
                until = System.nanoTime() + idleWindowNanos;
            } else {
                return;
            }
        }
        closeIfSilentUntil(until);
    }

    /**
     * Closes the connection at {@code untilNanos} (or later, if a later time was given before)
     * unless a request has begun to arrive by then; counts it in {@link Counts#closedIdle}.
     */
    synchronized void closeIfSilentUntil(long untilNanos) {
        if (drainTimerArmed) {
            drainUntil = untilNanos - drainUntil > 0 ? untilNanos : drainUntil;
            return;
        }
        drainUntil = untilNanos;
        drainTimerArmed = true;
        long delay = Math.max(0, untilNanos - System.nanoTime());
        channel.getIoThread().executeAfter(this::drainTimerFired, delay, TimeUnit.NANOSECONDS);
    }

    /** On the IO thread, so that no read slips between the check and the close. */
    private void drainTimerFired() {
        synchronized (this) {
            drainTimerArmed = false;
            long left = drainUntil - System.nanoTime();
            if (left > 0) {
                closeIfSilentUntil(drainUntil);
                return;
            }
            if (!idle() || !channel.isOpen()) {
                return;
            }
        }
        Quietly.close(channel);
        counts.closedIdle();
    }

    /**
     * No request in progress, none begun, not closing after its last response, and no byte held
     * for the next request by the scanner or Undertow.
     */
    private boolean idle() {
        return active == 0 && !begun && !finished && (source == null || !source.holdsInput())
                && (server == null || server.getExtraBytes() == null);
    }

    /**
     * Closes the connection whatever it is doing: the grace period is over. Returns whether a
     * request was cut off: one in progress, or the first one of a connection that has had none.
     * A connection idle between requests counts as closed idle; one that only waited for the
     * client's close after its last response counts as neither.
     */
    boolean cutOff() {
        boolean waiting;
        boolean serving;
        synchronized (this) {
            waiting = requestSeen && idle();
            serving = !finished && !waiting;
        }
        Quietly.close(channel);
        closed();
        if (waiting) {
            counts.closedIdle();
        }
        return serving;
    }
}
