package dev.spawning.undertow;

import io.undertow.server.ServerConnection;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.channels.StreamSourceChannel;

/**
 * Blocks an app thread until a connection can be read or written, by asking the connection's IO
 * thread to signal readiness and parking until it does.
 *
 * <p>Why not XNIO's own {@code awaitReadable}: it selects on a temporary {@code Selector} kept in
 * a thread-local, so every virtual thread that waits once opens an epoll selector that is only
 * closed when the garbage collector finds it, and the select blocks a carrier thread while
 * it waits. Parking on a semaphore costs neither.
 *
 * <p>A wait wakes every {@link #SLICE_NANOS} to notice a connection closed under it (closing does
 * not fire readiness listeners).
 */
final class ChannelWaits {

    static final long SLICE_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final long NO_DEADLINE = Long.MAX_VALUE;

    private ChannelWaits() {
    }

    /**
     * Waits until {@code channel} has bytes (or its end) to read.
     *
     * @throws SocketTimeoutException when nothing arrived within {@code timeoutNanos}
     */
    static void awaitReadable(StreamSourceChannel channel, ServerConnection connection, long timeoutNanos)
            throws IOException {
        Semaphore ready = new Semaphore(0);
        channel.getReadSetter().set(source -> {
            source.suspendReads();
            ready.release();
        });
        channel.resumeReads();
        try {
            park(ready, connection, timeoutNanos);
        } finally {
            channel.suspendReads();
            channel.getReadSetter().set(null);
        }
    }

    /** Waits until {@code channel} accepts more bytes; no deadline, but not past a close. */
    static void awaitWritable(StreamSinkChannel channel, ServerConnection connection) throws IOException {
        Semaphore ready = new Semaphore(0);
        channel.getWriteSetter().set(sink -> {
            sink.suspendWrites();
            ready.release();
        });
        channel.resumeWrites();
        try {
            park(ready, connection, NO_DEADLINE);
        } finally {
            channel.suspendWrites();
            channel.getWriteSetter().set(null);
        }
    }

    private static void park(Semaphore ready, ServerConnection connection, long timeoutNanos) throws IOException {
        long start = System.nanoTime();
        try {
            while (!ready.tryAcquire(Math.min(SLICE_NANOS, timeoutNanos), TimeUnit.NANOSECONDS)) {
                if (!connection.isOpen()) {
                    throw new ClosedChannelException();
                }
                if (timeoutNanos != NO_DEADLINE && System.nanoTime() - start >= timeoutNanos) {
                    throw new SocketTimeoutException("No request body bytes for "
                            + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms (body_timeout)");
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the connection");
        }
    }
}
