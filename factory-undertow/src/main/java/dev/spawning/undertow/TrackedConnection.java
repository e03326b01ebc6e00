package dev.spawning.undertow;

import io.undertow.server.AbstractServerConnection;
import org.xnio.StreamConnection;

/**
 * What one connection is doing, as far as a graceful stop cares: serving a request, holding the
 * first bytes of the next one, or idle. Updated by the connection's IO thread (bytes read,
 * request parsed) and by the thread that ends each exchange; every method holds this object's
 * monitor for a few field updates only.
 */
final class TrackedConnection {

    private final StreamConnection channel;
    private AbstractServerConnection server;
    private int active;
    private boolean begun;
    private volatile boolean finished;

    TrackedConnection(StreamConnection channel) {
        this.channel = channel;
    }

    StreamConnection channel() {
        return channel;
    }

    /** Bytes arrived; between requests they are the start of the next one. */
    synchronized void bytesRead() {
        if (active == 0) {
            begun = true;
        }
    }

    /** Undertow parsed a request head on this connection and handed it to the root handler. */
    synchronized void exchangeStarted(AbstractServerConnection connection) {
        server = connection;
        active++;
        begun = false;
    }

    /**
     * The exchange's request and response are both done. Bytes Undertow already holds for the
     * next (pipelined) request count as a begun request.
     */
    synchronized void exchangeEnded() {
        active--;
        begun = server.getExtraBytes() != null;
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
            boolean idle = active == 0 && !begun && !finished && (server == null || server.getExtraBytes() == null);
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
