package dev.spawning.coroutine;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * What a connection will send, gathered in one buffer so that a response head and its body leave
 * in one write, and the responses to a pipelined batch leave together. The buffer starts small
 * (a connection that waits idle holds only {@link #SMALL} bytes), grows up to {@link #LARGE} while
 * a batch needs it, and goes back to the small one when the connection waits again
 * ({@link #shrink}). Writes beyond what fits go straight to the socket. Nothing is sent until the
 * buffer is full or {@link #flush} is called.
 *
 * <p>Threading: used by one thread at a time, as {@link SocketInput}.
 */
final class SocketOutput {

    static final int SMALL = 1024;
    static final int LARGE = 16 * 1024;

    private final OutputStream out;
    private final byte[] small = new byte[SMALL];
    private byte[] buf = small;
    private int count;
    private long sent;

    SocketOutput(OutputStream out) {
        this.out = out;
    }

    void write(byte[] bytes, int off, int len) throws IOException {
        if (len > buf.length - count && !grow(count + len)) {
            flush();
            if (len > buf.length) {
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
        if (count == buf.length && !grow(count + 1)) {
            flush();
        }
        buf[count++] = (byte) b;
    }

    /** Writes each character as one byte (ISO-8859-1); one beyond it is sent as {@code ?}. */
    void writeLatin1(String text) throws IOException {
        int len = text.length();
        if (len > buf.length - count && !grow(count + len)) {
            flush();
            if (len > buf.length) {
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

    /** Goes back to the small buffer; called with nothing buffered, before the connection waits. */
    void shrink() {
        if (count == 0) {
            buf = small;
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

    /** Makes room for {@code needed} bytes if that stays within {@link #LARGE}; false if not. */
    private boolean grow(int needed) {
        if (needed > LARGE) {
            return false;
        }
        buf = Arrays.copyOf(buf, Math.min(LARGE, Math.max(needed, buf.length * 2)));
        return true;
    }
}
