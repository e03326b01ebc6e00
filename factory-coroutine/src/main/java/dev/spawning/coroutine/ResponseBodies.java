package dev.spawning.coroutine;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The output stream a streamed response body is written to: chunked on HTTP/1.1, raw bytes
 * (delimited by the close of the connection) on HTTP/1.0, nothing at all for HEAD, 204 and 304.
 * Counts the body bytes for the access log. {@link #flush} sends what is buffered, so a long-poll
 * app that flushes reaches its client at once.
 *
 * <p>Threading: used by the thread handling the request only.
 */
final class ResponseBodies extends OutputStream {

    private static final byte[] LAST_CHUNK = {'0', '\r', '\n', '\r', '\n'};

    enum Mode { CHUNKED, RAW, NONE }

    private final SocketOutput out;
    private final Mode mode;
    private long written;
    private boolean closed;

    ResponseBodies(SocketOutput out, Mode mode) {
        this.out = out;
        this.mode = mode;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, bytes.length);
        if (closed) {
            throw new IOException("the response body is closed");
        }
        if (len == 0 || mode == Mode.NONE) {
            return;
        }
        if (mode == Mode.CHUNKED) {
            out.writeLatin1(Integer.toHexString(len));
            out.crlf();
            out.write(bytes, off, len);
            out.crlf();
        } else {
            out.write(bytes, off, len);
        }
        written += len;
    }

    @Override
    public void flush() throws IOException {
        if (!closed) {
            out.flush();
        }
    }

    /** Ends the body: the last chunk of a chunked one. Buffered bytes stay buffered. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            if (mode == Mode.CHUNKED) {
                out.write(LAST_CHUNK);
            }
        }
    }

    /** Body bytes written, framing excluded. */
    long written() {
        return written;
    }
}
