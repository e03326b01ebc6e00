package dev.spawning.coroutine;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What a connection will send, gathered in one small buffer so that a response head and a small
 * body leave in one write, and the responses to a pipelined batch leave together. Larger bodies
 * go straight to the socket. Nothing is sent until the buffer fills or {@link #flush} is called.
 *
 * <p>Threading: used by one thread at a time, as {@link SocketInput}.
 */
final class SocketOutput {

    static final int SIZE = 4096;

    private final OutputStream out;
    private final byte[] buf = new byte[SIZE];
    private int count;
    private long sent;

    SocketOutput(OutputStream out) {
        this.out = out;
    }

    void write(byte[] bytes, int off, int len) throws IOException {
        if (len > SIZE - count) {
            flush();
            if (len >= SIZE) {
                out.write(bytes, off, len);
                sent += len;
                return;
            }
        }
        System.arraycopy(bytes, off, buf, count, len);
        count += len;
    }

    void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    void writeByte(int b) throws IOException {
        if (count == SIZE) {
            flush();
        }
        buf[count++] = (byte) b;
    }

    /** Writes each character as one byte (ISO-8859-1); one beyond it is sent as {@code ?}. */
    void writeLatin1(String text) throws IOException {
        int len = text.length();
        if (len > SIZE - count) {
            flush();
            if (len > SIZE) {
                write(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                return;
            }
        }
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            buf[count++] = c > 0xff ? (byte) '?' : (byte) c;
        }
    }

    void crlf() throws IOException {
        writeByte('\r');
        writeByte('\n');
    }

    /** Sends what is buffered. */
    void flush() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            sent += count;
            count = 0;
        }
    }

    /** Bytes handed to the socket so far, buffered ones excluded. */
    long sent() {
        return sent;
    }

    /** Bytes buffered and not yet sent. */
    int buffered() {
        return count;
    }

    /**
     * Forgets what was buffered after the first {@code keep} bytes: a response that failed before
     * any of it left is replaced by an error response.
     */
    void truncate(int keep) {
        count = Math.min(count, keep);
    }
}
