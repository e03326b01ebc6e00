package dev.spawning.coroutine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The open connections of a server, and the limit on their number ({@code max_connections}):
 * the acceptor takes a permit before it accepts, so that beyond the limit new connections wait
 * in the listen backlog; a connection gives its permit back when it closes.
 *
 * <p>Thread-safe: connections add and remove themselves from their own threads while a stop
 * walks the set. The monitor of this object is held only to wait for, and to signal, "no
 * connection left"; never while doing I/O.
 */
final class Connections {

    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Semaphore permits;

    Connections(int maxConnections) {
        this.permits = new Semaphore(maxConnections);
    }

    /** Waits for room for one more connection. */
    void reserve() throws InterruptedException {
        permits.acquire();
    }

    /**
     * Lets an acceptor waiting for room go on, once the listening channel is closed: its accept
     * then fails as closed and it ends. (Interrupting it instead could lose a connection: an accept
     * that has just taken one from the kernel throws {@code ClosedByInterruptException} when its
     * thread is interrupted, and the connection is never served.)
     */
    void wakeReserver() {
        permits.release();
    }

    /** Gives back a reservation that did not become a connection. */
    void unreserve() {
        permits.release();
    }

    void add(Connection connection) {
        open.add(connection);
    }

    /** Called by a connection's thread when it has closed. */
    void remove(Connection connection) {
        if (open.remove(connection)) {
            permits.release();
            if (open.isEmpty()) {
                synchronized (this) {
                    notifyAll();
                }
            }
        }
    }

    int size() {
        return open.size();
    }

    /**
     * {@return how many connections have a request in flight, counted from accept (see
     * {@link Connection#inFlight})} Walks the set: nothing is counted on the path of a request.
     */
    int inFlight() {
        int busy = 0;
        for (Connection connection : open) {
            busy += connection.inFlight() ? 1 : 0;
        }
        return busy;
    }

    /** Closes every connection that waits idle for a next request (see {@link Connection#closeIfIdle}). */
    void closeIdle() {
        for (Connection connection : open) {
            connection.closeIfIdle();
        }
    }

    /** Waits until every connection has closed or the deadline passes; true if all closed. */
    synchronized boolean awaitNone(long deadlineNanos) throws InterruptedException {
        while (!open.isEmpty()) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Wakes every read that has passed its deadline (see {@link Timeouts}). */
    void expireDue(long nowNanos) {
        for (Connection connection : open) {
            connection.expireIfDue(nowNanos);
        }
    }

    /** Cuts off every connection still open; returns how many were not closing already. */
    int cutOffAll() {
        int cut = 0;
        for (Connection connection : open) {
            cut += connection.cutOff() ? 1 : 0;
        }
        return cut;
    }
}
