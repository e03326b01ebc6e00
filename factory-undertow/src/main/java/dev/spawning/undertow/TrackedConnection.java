package dev.spawning.undertow;

import io.undertow.server.AbstractServerConnection;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.xnio.StreamConnection;

/**
 * What one connection is doing, as far as a graceful stop and {@code header_timeout} care:
 * serving a request, holding the first bytes of the next one, or idle; and what its scanner saw
 * in the heads Undertow has yet to hand over. Updated by the connection's IO thread (bytes read,
 * request parsed, the head timer) and by the thread that ends each exchange; every method holds
 * this object's monitor for a few field updates only.
 *
 * <p>{@code header_timeout}: one timer per connection runs while a head has begun to arrive and
 * is not complete. It is armed when a head begins and not cancelled when the head completes;
 * when it fires it re-arms for the head now in progress, if any, so a busy connection costs one
 * timer per timeout period rather than one per request. A head still incomplete after the
 * timeout gets {@link ErrorBytes#REQUEST_TIMEOUT} and the connection closes.
 */
final class TrackedConnection {

    private final StreamConnection channel;
    private final long headTimeoutNanos;
    private final ArrayDeque<HeadFacts> heads = new ArrayDeque<>(2);
    private AbstractServerConnection server;
    private int active;
    private boolean begun;
    private long begunAt;
    private boolean timerArmed;
    private volatile boolean finished;
    private volatile HeadFacts refusedBody;
    private ObservedSourceConduit source;


    /** @param headTimeoutNanos {@code header_timeout}; 0 for none */
    TrackedConnection(StreamConnection channel, long headTimeoutNanos) {
        this.channel = channel;
        this.headTimeoutNanos = headTimeoutNanos;
    }

    StreamConnection channel() {
        return channel;
    }

    /** The conduit that reads this connection for Undertow, installed when it opened. */
    void readBy(ObservedSourceConduit conduit) {
        source = conduit;
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
        HeadFacts facts = heads.poll();
        if (facts == null) {
            throw new IllegalStateException("Undertow parsed a request head the scanner did not write");
        }
        return facts;
    }

    /**
     * The exchange's request and response are both done. Bytes Undertow already holds for the
     * next (pipelined) request count as a begun request.
     */
    synchronized void exchangeEnded() {
        active--;
        begun = false;
        if (server.getExtraBytes() != null || source.holdsInput()) {
            headBegun();
        }
    }

    private void headBegun() {
        begun = true;
        begunAt = System.nanoTime();
        armTimer(headTimeoutNanos);
    }

    private void armTimer(long delayNanos) {
        if (timerArmed || headTimeoutNanos == 0) {
            return;
        }
        timerArmed = true;
        channel.getIoThread().executeAfter(this::headTimerFired, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** On the IO thread: a head begun {@code header_timeout} ago and still incomplete ends in 408. */
    private void headTimerFired() {
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
        }
        ErrorBytes.sendAndClose(channel, ErrorBytes.REQUEST_TIMEOUT);
    }

    /**
     * Its last response is complete and Undertow is closing it: it has shut down its output and
     * waits for the client's side of the close. Nothing left to serve, nothing to cut off.
     */
    void finish() {
        finished = true;
    }

    boolean finished() {
        return finished;
    }

    /**
     * Closes the connection if no request is in progress and none has begun to arrive (and it is
     * not already closing after its last response during this stop). Must run
     * on the connection's IO thread, so that no read slips between the check and the close.
     */
    boolean closeIfIdle() {
        synchronized (this) {
            boolean idle = active == 0 && !begun && !finished && !source.holdsInput()
                    && (server == null || server.getExtraBytes() == null);
            if (!idle) {
                return false;
            }
        }
        Quietly.close(channel);
        return true;
    }

    /**
     * Closes the connection whatever it is doing: the grace period is over. Returns whether work
     * was cut off, rather than a connection that was only waiting for the client's close.
     */
    boolean cutOff() {
        boolean serving = !finished;
        Quietly.close(channel);
        return serving;
    }
}
