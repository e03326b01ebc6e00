package dev.spawning.coroutine;

import dev.spawning.factory.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * The body of one request as the app reads it: Content-Length or chunked, from the connection's
 * input. The first read sends {@code 100 Continue} when the client asked for it. Each read waits
 * at most {@code body_timeout} for bytes; a chunked body may not outgrow {@code max_body_size}.
 * Once broken (timeout, malformed chunk, too large, or the connection closed before the body's
 * end: an incomplete message, RFC 9112 section 8), every read fails again.
 *
 * <p>Threading: read by the thread handling the request only.
 */
final class RequestBody extends InputStream {

    /** Sends the interim response; called at most once, before the first body byte is read. */
    @FunctionalInterface
    interface Continue {
        void send() throws IOException;
    }

    private final SocketInput in;
    private final ChunkedDecoder chunks;
    private final long timeoutNanos;
    private final long maxBytes;
    private Continue pendingContinue;
    private long remaining;
    private long read;
    private long delivered;
    private BodyError broken;

    /**
     * @param chunks   the decoder of a chunked body, or {@code null} for a Content-Length body
     * @param length   the declared length of a Content-Length body (0 for none)
     * @param maxBytes {@code max_body_size}; 0 for no limit
     * @param pending  sends {@code 100 Continue}, or {@code null} when the client did not ask
     */
    RequestBody(SocketInput in, ChunkedDecoder chunks, long length, long timeoutNanos, long maxBytes,
            Continue pending) {
        this.in = in;
        this.chunks = chunks;
        this.remaining = chunks == null ? length : 0;
        this.timeoutNanos = timeoutNanos;
        this.maxBytes = maxBytes;
        this.pendingContinue = complete() ? null : pending;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, into.length);
        if (broken != null) {
            throw broken;
        }
        if (len == 0) {
            return 0;
        }
        try {
            sendContinue();
            int n = next(into, off, len);
            delivered += Math.max(0, n);
            return n;
        } catch (BodyError error) {
            throw broken = error;
        } catch (SocketTimeoutException slow) {
            throw broken = new BodyError(408, "no body bytes for " + timeoutNanos / 1_000_000 + " ms");
        }
    }

    @Override
    public int available() {
        return (int) Math.min(in.buffered(), chunks == null ? remaining : 0);
    }

    /** {@return the body bytes the app has read; not those the server drained} */
    long delivered() {
        return delivered;
    }

    /** The body has been read to its end (trailers included). */
    boolean complete() {
        return chunks == null ? remaining == 0 : chunks.done();
    }

    boolean broken() {
        return broken != null;
    }

    /** The client waits for a {@code 100 Continue} that was never sent, with a body to follow. */
    boolean continueWithheld() {
        return pendingContinue != null;
    }

    /**
     * Whether what the app left unread is too much to drain: more than {@code limit} declared
     * bytes, or a chunked body of unknown length.
     */
    boolean tooMuchLeftToDrain(long limit) {
        return !complete() && (chunks != null || remaining > limit);
    }

    Headers trailers() {
        return chunks == null ? Headers.empty() : chunks.trailers();
    }

    /**
     * Reads and drops what the app left unread, so that the next request on the connection starts
     * at the right byte; false when that would take more than {@code limit} bytes or failed.
     */
    boolean drain(long limit) {
        if (complete()) {
            return true;
        }
        if (broken != null || continueWithheld() || tooMuchLeftToDrain(limit)) {
            return false;
        }
        byte[] sink = new byte[8192];
        long budget = limit;
        try {
            while (!complete() && budget > 0) {
                budget -= Math.max(0, next(sink, 0, (int) Math.min(sink.length, budget)));
            }
        } catch (IOException failed) {
            return false;
        }
        return complete();
    }

    private void sendContinue() throws IOException {
        if (pendingContinue != null) {
            Continue pending = pendingContinue;
            pendingContinue = null;
            pending.send();
        }
    }

    private int next(byte[] into, int off, int len) throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        long ready = chunks == null ? remaining : chunks.available(deadline);
        if (ready == 0) {
            return -1;
        }
        int want = (int) Math.min(len, ready);
        int n = in.buffered() > 0 ? in.take(into, off, want) : in.readDirect(into, off, want, deadline);
        if (n < 0) {
            throw new BodyError(400, "the connection closed inside the body");
        }
        if (chunks == null) {
            remaining -= n;
        } else {
            chunks.consumed(n);
        }
        read += n;
        if (maxBytes > 0 && read > maxBytes) {
            throw new BodyError(413, "the body is larger than max_body_size (" + maxBytes + " bytes)");
        }
        return n;
    }
}
