package dev.spawning.coroutine;

import java.time.Duration;

/**
 * Enforces the read deadlines of every connection of a server: wakes a few times per shortest
 * timeout, and shuts the input of each connection whose read has passed its deadline (see
 * {@link SocketInput}). One thread per server instead of one timer per blocking read.
 *
 * <p>Threading: {@link #run} is the server's timeouts thread (a virtual thread); it ends when
 * interrupted by the stop. It only reads the connection set and calls
 * {@link SocketInput#expireIfDue}.
 */
final class Timeouts implements Runnable {

    private static final long MIN_TICK_MILLIS = 10;
    private static final long MAX_TICK_MILLIS = 1000;

    private final Connections connections;
    private final long tickMillis;

    Timeouts(Connections connections, Duration... timeouts) {
        this.connections = connections;
        long shortest = Long.MAX_VALUE;
        for (Duration timeout : timeouts) {
            shortest = Math.min(shortest, timeout.toMillis());
        }
        this.tickMillis = Math.clamp(shortest / 10, MIN_TICK_MILLIS, MAX_TICK_MILLIS);
    }

    /** How often the deadlines are checked: a tenth of the shortest timeout, from 10 ms to 1 s. */
    long tickMillis() {
        return tickMillis;
    }

    @Override
    public void run() {
        try {
            while (true) {
                Thread.sleep(tickMillis);
                connections.expireDue(System.nanoTime());
            }
        } catch (InterruptedException stopped) {
            // the server stopped
        }
    }
}
