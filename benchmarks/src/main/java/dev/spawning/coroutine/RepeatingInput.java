package dev.spawning.coroutine;

import java.io.InputStream;

/**
 * An endless stream of the same bytes, handed out one whole copy per read when the reader has
 * room: like a keep-alive connection whose client sends its next request once the previous one
 * is answered, so a benchmark can parse request after request through one {@link SocketInput}
 * (whose buffer then fills and compacts as on a real connection).
 */
final class RepeatingInput extends InputStream {

    private final byte[] bytes;
    private int next;

    RepeatingInput(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    @Override
    public int read(byte[] into, int off, int len) {
        int n = Math.min(len, bytes.length - next);
        System.arraycopy(bytes, next, into, off, n);
        next = (next + n) % bytes.length;
        return n;
    }

    @Override
    public int read() {
        int b = bytes[next] & 0xff;
        next = (next + 1) % bytes.length;
        return b;
    }
}
