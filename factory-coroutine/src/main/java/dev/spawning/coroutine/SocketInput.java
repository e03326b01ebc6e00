package dev.spawning.coroutine;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes a connection has received and not yet consumed, in one buffer that starts small, grows
 * only as far as a long line needs, and goes back to the small one when the connection waits
 * idle ({@link #shrink}), so that ten thousand idle connections hold little memory. Reads wait at most until a deadline given by the caller
 * (the header timeout, the idle timeout, the body timeout); a read past it throws
 * {@link SocketTimeoutException}.
 *
 * <p>Reads themselves are untimed: a timed read of a virtual thread schedules and cancels a timer
 * each time it blocks, which cost about a third of the CPU time of a small request. Instead the
 * read publishes its deadline in {@link #armed}, and the server's {@link Timeouts} thread, which
 * looks at every connection a few times per timeout, shuts the input of one whose deadline has
 * passed: the blocked read returns end-of-stream, which this class turns into the timeout.
 *
 * <p>Threading: used by one thread at a time, the connection's thread or, with {@code threads}
 * set, the pool thread it handed the request to (the hand-over orders the accesses); only
 * {@link #expireIfDue} is called by the timeouts thread, and it touches {@link #armed} alone.
 */
final class SocketInput {

    /** What a connection that waits idle holds; a larger head grows the buffer for a while. */
    static final int SMALL = 1024;

    private static final long DISARMED = Long.MAX_VALUE;
    private static final long EXPIRED = Long.MIN_VALUE;

    private final Socket socket;
    private final InputStream in;
    /** The deadline of the read in progress; {@link #DISARMED} between reads; {@link #EXPIRED} once it passed. */
    private final AtomicLong armed = new AtomicLong(DISARMED);
    private boolean timedOut;
    private final byte[] small = new byte[SMALL];
    private byte[] buf = small;
    private int pos;
    private int limit;
    private boolean ended;
    private BeforeWaiting beforeWaiting = () -> { };

    /** What must happen before a read from the socket: sending the responses still buffered. */
    @FunctionalInterface
    interface BeforeWaiting {
        void run() throws IOException;
    }

    SocketInput(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** The input of {@code socket} read through {@code in}, its TLS; the deadlines shut the socket's input. */
    SocketInput(Socket socket, InputStream in) {
        this.socket = socket;
        this.in = in;
    }

    /** A socket-less input over fixed bytes, for benchmarks and parser tests. */
    SocketInput(InputStream in) {
        this.socket = null;
        this.in = in;
    }

    byte[] buffer() {
        return buf;
    }

    int position() {
        return pos;
    }

    /** The index after the last buffered byte. */
    int limit() {
        return limit;
    }

    int buffered() {
        return limit - pos;
    }

    boolean ended() {
        return ended;
    }

    /**
     * Runs {@code action} before every read from the socket, which may wait for the client: a
     * pipelined client that sent part of its next request (or of a body) must still get the
     * responses to its earlier requests, which wait in the output's buffer until then.
     */
    void beforeWaiting(BeforeWaiting action) {
        beforeWaiting = action;
    }

    /** Goes back to the small buffer if nothing is buffered; called before the connection waits. */
    void shrink() {
        if (pos == limit) {
            buf = small;
            pos = 0;
            limit = 0;
        }
    }

    /** Consumes {@code count} buffered bytes. */
    void skip(int count) {
        pos += count;
    }

    /**
     * Reads more bytes by {@code deadlineNanos} (a {@link System#nanoTime} value); false when the
     * peer has closed its side.
     */
    boolean fill(long deadlineNanos) throws IOException {
        if (limit == buf.length) {
            compact();
        }
        if (limit == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        int n = timedRead(buf, limit, buf.length - limit, deadlineNanos);
        if (n < 0) {
            ended = true;
            return false;
        }
        limit += n;
        return true;
    }

    /**
     * Shuts the input if the read in progress has passed its deadline, waking it; called by the
     * timeouts thread with the current {@link System#nanoTime}.
     */
    void expireIfDue(long nowNanos) {
        long deadline = armed.get();
        if (deadline != DISARMED && deadline != EXPIRED && nowNanos - deadline >= 0
                && armed.compareAndSet(deadline, EXPIRED)) {
            try {
                socket.shutdownInput();
            } catch (IOException alreadyClosed) {
                // the connection is going away by itself
            }
        }
    }

    /** Copies up to {@code len} buffered bytes out; -1 when none are buffered. */
    int take(byte[] into, int off, int len) {
        int n = Math.min(len, buffered());
        if (n <= 0) {
            return -1;
        }
        System.arraycopy(buf, pos, into, off, n);
        skip(n);
        return n;
    }

    /**
     * Reads straight from the socket into {@code into}, by the deadline, bypassing the buffer
     * (which must be empty): large bodies are not copied twice.
     */
    int readDirect(byte[] into, int off, int len, long deadlineNanos) throws IOException {
        int n = timedRead(into, off, len, deadlineNanos);
        if (n < 0) {
            ended = true;
        }
        return n;
    }

    private void compact() {
        int n = limit - pos;
        System.arraycopy(buf, pos, buf, 0, n);
        pos = 0;
        limit = n;
    }

    private int timedRead(byte[] into, int off, int len, long deadlineNanos) throws IOException {
        beforeWaiting.run();
        if (timedOut || deadlineNanos - System.nanoTime() <= 0) {
            // Timed out for good, however the deadline passed: before the read or during it.
            timedOut = true;
            throw new SocketTimeoutException("deadline passed");
        }
        armed.set(deadlineNanos);
        int n;
        try {
            n = in.read(into, off, len);
        } finally {
            timedOut = armed.getAndSet(DISARMED) == EXPIRED;
        }
        if (n < 0 && timedOut) {
            throw new SocketTimeoutException("deadline passed");
        }
        return n;
    }
}
