package dev.spawning.undertow;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.xnio.channels.StreamSinkChannel;

/**
 * The response body as the server and a streaming app write it: through one buffer borrowed
 * from the server's shared pool into Undertow's response channel, which adds the framing
 * (Content-Length, chunked or close-delimited) chosen from the headers set before the first
 * write. The status line and headers go out with the first bytes, or when the exchange ends.
 *
 * <p>Why not Undertow's blocking output stream: it waits with XNIO's per-thread selectors (see
 * {@link ChannelWaits}) and copies heap arrays through the JDK's per-thread direct buffers.
 *
 * <p>Threading: used only by the thread handling the request. Not thread-safe.
 */
final class ResponseBody extends OutputStream {

    private final HttpServerExchange exchange;
    private StreamSinkChannel channel;
    private PooledByteBuffer pooled;
    private long written;
    private boolean closed;
    private boolean clientGone;

    ResponseBody(HttpServerExchange exchange) {
        this.exchange = exchange;
    }

    /** Body bytes the app has written so far (all of them reach the client unless it goes away). */
    long written() {
        return written;
    }

    /** True once the status line may have been sent: the headers can no longer change. */
    boolean started() {
        return channel != null;
    }

    /** True when a write failed because the connection broke, not because the app failed. */
    boolean clientGone() {
        return clientGone;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        checkOpen();
        int done = 0;
        while (done < length) {
            ByteBuffer buffer = buffer();
            if (!buffer.hasRemaining()) {
                drain(buffer);
            }
            int count = Math.min(length - done, buffer.remaining());
            buffer.put(bytes, offset + done, count);
            done += count;
        }
        written += length;
    }

    /** Sends what is buffered and pushes it through Undertow's conduits to the socket. */
    @Override
    public void flush() throws IOException {
        checkOpen();
        if (pooled != null) {
            drain(pooled.getBuffer());
        }
        StreamSinkChannel sink = channel();
        while (!guarded(sink::flush)) {
            ChannelWaits.awaitWritable(sink, exchange.getConnection());
        }
    }

    /**
     * Ends the body as far as this thread goes: sends what is buffered and flushes it. The end
     * of the response itself (the last chunk, if chunked) is written when the exchange ends, on
     * the connection's IO thread (see {@link AppCall}).
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (pooled != null && pooled.getBuffer().position() > 0) {
                flush();
            }
        } finally {
            closed = true;
            release();
        }
    }

    /** Forgets what was written but not sent; only before the response {@link #started()}. */
    void discard() {
        if (pooled != null) {
            pooled.getBuffer().clear();
        }
        written = 0;
        closed = false;
    }

    /**
     * Ends the response without its proper end: sends what was written, then closes the connection,
     * so that the client sees a truncated body rather than a complete one.
     */
    void abort() {
        try {
            if (!clientGone && channel != null) {
                flush();
            }
        } catch (IOException alreadyBroken) {
            // The connection is closed next in any case.
        } finally {
            closed = true;
            release();
            Quietly.close(exchange.getConnection());
        }
    }

    private void release() {
        if (pooled != null) {
            pooled.close();
            pooled = null;
        }
    }

    private ByteBuffer buffer() {
        if (pooled == null) {
            pooled = exchange.getConnection().getByteBufferPool().allocate();
        }
        return pooled.getBuffer();
    }

    /** Writes out a full (write mode) buffer and leaves it empty, in write mode. */
    private void drain(ByteBuffer buffer) throws IOException {
        StreamSinkChannel sink = channel();
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                if (guarded(() -> sink.write(buffer) > 0)) {
                    continue;
                }
                ChannelWaits.awaitWritable(sink, exchange.getConnection());
            }
        } finally {
            buffer.compact();
        }
    }

    private StreamSinkChannel channel() {
        if (channel == null) {
            channel = exchange.getResponseChannel();
        }
        return channel;
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("The response body was closed");
        }
    }

    /** Runs a channel operation, remembering that the client went away if it fails. */
    private boolean guarded(ChannelCall call) throws IOException {
        try {
            return call.run();
        } catch (IOException failed) {
            clientGone = true;
            throw failed;
        }
    }

    @FunctionalInterface
    private interface ChannelCall {
        boolean run() throws IOException;
    }
}
