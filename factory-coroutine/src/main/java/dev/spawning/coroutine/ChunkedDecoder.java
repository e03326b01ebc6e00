package dev.spawning.coroutine;

import dev.spawning.factory.Headers;
import java.io.IOException;

/**
 * Decodes a chunked body (RFC 9112 section 7.1) from a connection's input: chunk sizes in hex
 * (extensions accepted and ignored), the data, and the trailer section, whose fields are checked
 * like header fields and must not be framing or routing fields.
 *
 * <p>Threading: used by the thread reading the request body.
 */
final class ChunkedDecoder {

    private static final int MAX_SIZE_LINE = 4096;

    private final SocketInput in;
    private final Fields trailers;
    private final int maxFieldLine;
    private long remaining;
    private boolean needCrlf;
    private boolean done;
    private Headers received = Headers.empty();

    ChunkedDecoder(SocketInput in, int maxFieldLine, Fields trailers) {
        this.in = in;
        this.maxFieldLine = maxFieldLine;
        this.trailers = trailers;
    }

    boolean done() {
        return done;
    }

    Headers trailers() {
        return received;
    }

    /**
     * Bytes of data available at once without crossing a chunk boundary, reading the next chunk
     * header if needed; 0 once the body (trailers included) is complete.
     */
    long available(long deadlineNanos) throws IOException {
        if (remaining == 0 && !done) {
            if (needCrlf) {
                expectCrlf(deadlineNanos);
            }
            remaining = sizeLine(deadlineNanos);
            needCrlf = true;
            if (remaining == 0) {
                readTrailers(deadlineNanos);
                done = true;
            }
        }
        return remaining;
    }

    /** Notes that {@code n} bytes of the current chunk were consumed. */
    void consumed(int n) {
        remaining -= n;
    }

    private long sizeLine(long deadlineNanos) throws IOException {
        int lf = lineEnd(MAX_SIZE_LINE, deadlineNanos);
        byte[] buf = in.buffer();
        int start = in.position();
        long size = 0;
        int i = start;
        for (; i < lf - 1 && Character.digit(buf[i], 16) >= 0; i++) {
            if (i - start == 15) {
                throw new BodyError(400, "a chunk size of more than 15 hex digits");
            }
            size = size * 16 + Character.digit(buf[i], 16);
        }
        if (i == start || (i < lf - 1 && buf[i] != ';') || !extensionBytes(buf, i, lf - 1)) {
            throw new BodyError(400, "a malformed chunk size line");
        }
        in.skip(lf + 1 - start);
        return size;
    }

    private static boolean extensionBytes(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Syntax.fieldValue(buf[i])) {
                return false;
            }
        }
        return true;
    }

    private void expectCrlf(long deadlineNanos) throws IOException {
        int lf = lineEnd(0, deadlineNanos);
        if (lf != in.position() + 1) {
            throw new BodyError(400, "chunk data longer than its size");
        }
        in.skip(2);
        needCrlf = false;
    }

    private void readTrailers(long deadlineNanos) throws IOException {
        while (true) {
            int lf = lineEnd(maxFieldLine, deadlineNanos);
            int start = in.position();
            in.skip(lf + 1 - start);
            if (lf - 1 == start) {
                received = trailers.build();
                return;
            }
            try {
                String name = trailers.add(in.buffer(), start, lf - 1);
                if (forbidden(name)) {
                    throw new BodyError(400, "a trailer may not be " + name);
                }
            } catch (HttpError bad) {
                throw new BodyError(bad.status(), bad.getMessage());
            }
        }
    }

    private int lineEnd(int max, long deadlineNanos) throws IOException {
        try {
            int lf = in.lineEnd(max, 400, deadlineNanos);
            if (lf < 0) {
                throw new BodyError(400, "the connection closed inside a chunked body");
            }
            return lf;
        } catch (HttpError bad) {
            throw new BodyError(bad.status(), bad.getMessage());
        }
    }

    /** Fields that frame or route a message cannot arrive after its body (RFC 9110 section 6.5.1). */
    private static boolean forbidden(String name) {
        return switch (name.length()) {
            case 4 -> name.equalsIgnoreCase("Host");
            case 14 -> name.equalsIgnoreCase("Content-Length");
            case 17 -> name.equalsIgnoreCase("Transfer-Encoding");
            default -> false;
        };
    }
}
