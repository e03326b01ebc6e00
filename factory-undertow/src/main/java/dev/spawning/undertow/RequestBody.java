package dev.spawning.undertow;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.server.protocol.http.PipeliningBufferingStreamSinkConduit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;
import org.xnio.channels.StreamSourceChannel;

/**
 * The request body as the app reads it: lazily, from Undertow's request channel (which removes
 * the chunked or fixed-length framing), through one buffer borrowed from the server's shared
 * pool. The first read sends {@code 100 Continue} when the client asked for it, and not before.
 *
 * <p>Threading: used only by the thread handling the request; the IO thread merely signals
 * readiness (see {@link ChannelWaits}). Not thread-safe.
 */
final class RequestBody extends InputStream {

    /** Unread body bytes the server reads and drops to keep a connection for its next request. */
    static final long DRAIN_LIMIT = 64 * 1024;

    private final HttpServerExchange exchange;
    private final HeadFacts facts;
    private final long timeoutNanos;
    private final long maxBytes;
    private StreamSourceChannel channel;
    private PooledByteBuffer pooled;
    private boolean ended;
    private boolean closed;
    private boolean tooLarge;
    private boolean broken;
    private boolean malformed;
    private boolean timedOut;
    private long bytesReceived;
    private long delivered;

    /**
     * @param timeoutNanos {@code body_timeout}: the longest wait for the next body bytes
     * @param maxBytes     {@code max_body_size}, 0 for no limit. Counted here rather than by
     *                     Undertow, whose chunked decoder prints the failure to standard error.
     */
    RequestBody(HttpServerExchange exchange, HeadFacts facts, long timeoutNanos, long maxBytes) {
        this.exchange = exchange;
        this.facts = facts;
        this.timeoutNanos = timeoutNanos;
        this.maxBytes = maxBytes;
    }

    /** {@return the body bytes the app has read; not those Undertow drains after it} */
    long delivered() {
        return delivered;
    }

    /** True when a read failed because the body passed {@code max_body_size}. */
    boolean tooLarge() {
        return tooLarge;
    }

    /**
     * True when the body broke the protocol (bad chunked framing, a forbidden trailer field): the
     * server answers 400, as for a malformed head.
     */
    boolean malformed() {
        return malformed;
    }

    /** True when a read waited {@code body_timeout} for bytes that did not come: the server answers 408. */
    boolean timedOut() {
        return timedOut;
    }

    /**
     * True when a read failed (too large, timed out, connection lost): the connection cannot
     * carry another request, since the rest of this body is in an unknown state.
     */
    boolean broken() {
        return broken;
    }

    /**
     * True when the app left more of the body unread than the server will drain to keep the
     * connection: any chunked rest (its length is unknown), or a declared rest over
     * {@link #DRAIN_LIMIT}. Undertow drains smaller rests before it reads the next request.
     */
    boolean tooMuchLeftToDrain() {
        if (ended || exchange.isRequestComplete()) {
            return false;
        }
        long declared = exchange.getRequestContentLength();
        return declared < 0 || declared - bytesReceived > DRAIN_LIMIT;
    }

    /** True when the client waits for {@code 100 Continue} that was never sent: its body never came. */
    boolean continueWithheld() {
        return HttpContinue.requiresContinueResponse(exchange.getRequestHeaders())
                && !HttpContinue.isContinueResponseSent(exchange);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (closed) {
            throw new IOException("The request body was closed");
        }
        if (length == 0) {
            return 0;
        }
        ByteBuffer buffer = buffer();
        if (!buffer.hasRemaining() && !fill(buffer)) {
            return -1;
        }
        int count = Math.min(length, buffer.remaining());
        buffer.get(into, offset, count);
        delivered += count;
        return count;
    }

    @Override
    public int available() {
        return pooled == null ? 0 : pooled.getBuffer().remaining();
    }

    /** Gives the buffer back to the pool; the server drains or closes what was not read. */
    @Override
    public void close() {
        closed = true;
        release();
    }

    /** Gives the buffer back; called by the server when the exchange ends, read or not. */
    void release() {
        if (pooled != null) {
            pooled.close();
            pooled = null;
        }
    }

    private ByteBuffer buffer() {
        if (pooled == null) {
            pooled = exchange.getConnection().getByteBufferPool().allocate();
            pooled.getBuffer().limit(0);
        }
        return pooled.getBuffer();
    }

    /** Reads more bytes into the empty buffer; false at the end of the body. */
    private boolean fill(ByteBuffer buffer) throws IOException {
        if (ended) {
            return false;
        }
        StreamSourceChannel source = channel();
        buffer.clear();
        try {
            int count;
            while ((count = read(source, buffer)) == 0) {
                awaitReadable(source);
            }
            ended = count < 0;
            checkSize(count);
            return !ended;
        } finally {
            buffer.flip();
        }
    }

    private void checkSize(int count) throws IOException {
        bytesReceived += Math.max(count, 0);
        if (maxBytes > 0 && bytesReceived > maxBytes) {
            tooLarge = true;
            broken = true;
            throw new IOException("The request body is larger than max_body_size (" + maxBytes + " bytes)");
        }
    }

    /**
     * One read of the decoded body. Any failure of Undertow's read is a broken body; it is a
     * malformed request (400) when the connection's scanner refused the body (bad chunked
     * framing, or the client closed before its end) or Undertow itself found it malformed.
     */
    private int read(StreamSourceChannel source, ByteBuffer buffer) throws IOException {
        try {
            int count = source.read(buffer);
            if (facts.bodyRefused() && count <= 0) {
                throw new IOException("The request body was malformed or cut short by the client");
            }
            return count;
        } catch (IOException failed) {
            broken = true;
            malformed = facts.bodyRefused() || !(failed instanceof ClosedChannelException);
            throw failed;
        }
    }

    private void awaitReadable(StreamSourceChannel source) throws IOException {
        try {
            ChannelWaits.awaitReadable(source, exchange.getConnection(), timeoutNanos);
        } catch (IOException failed) {
            broken = true;
            timedOut = failed instanceof SocketTimeoutException;
            throw failed;
        }
    }

    private StreamSourceChannel channel() throws IOException {
        if (channel == null) {
            sendContinueIfExpected();
            channel = exchange.getRequestChannel();
        }
        return channel;
    }

    /**
     * Sends {@code 100 Continue}, after the responses to earlier pipelined requests that Undertow
     * still buffers: it writes the interim response past its buffer
     * ({@link UndertowQuirks#CONTINUE_OVERTAKES_BUFFERED_PIPELINED_RESPONSES}). Both are a few
     * bytes on an idle socket, so the first write nearly always completes; the rare slow case
     * waits with Undertow's own helpers.
     */
    private void sendContinueIfExpected() throws IOException {
        if (!HttpContinue.requiresContinueResponse(exchange)) {
            return;
        }
        if (exchange.getConnection() instanceof HttpServerConnection http && http.getPipelineBuffer() != null) {
            PipeliningBufferingStreamSinkConduit earlier = http.getPipelineBuffer();
            while (!earlier.flushPipelinedData()) {
                earlier.awaitWritable();
            }
        }
        HttpContinue.ContinueResponseSender sender = HttpContinue.createResponseSender(exchange);
        while (!sender.send()) {
            sender.awaitWritable();
        }
    }
}
