package dev.spawning.factory.server;

import dev.spawning.factory.Headers;

/**
 * Decodes the framing of a chunked body (RFC 9112 section 7.1) from bytes as they arrive: chunk
 * size lines (hex digits, then extensions of the RFC's grammar, which are checked and ignored),
 * the CRLF after each chunk's data, and the trailer section, whose fields are checked like header
 * fields and must not be framing or routing fields. The data itself is left to the caller, which
 * learns how much of it comes next from {@link #dataRemaining()}.
 *
 * <pre>{@code
 * int at = chunks.decode(buf, from, to);            // framing bytes consumed
 * long data = chunks.dataRemaining();              // data bytes that may follow at buf[at]
 * chunks.consumed(n);                               // the caller took n of them
 * chunks.done();                                    // the last chunk and the trailers came
 * }</pre>
 *
 * <p>One per body; not thread-safe.
 */
public final class ChunkDecoder {

    /** The longest chunk size line, extensions included. */
    private static final int MAX_SIZE_LINE = 4096;

    /** Hex digits of a chunk size at most: fits a long. */
    private static final int MAX_SIZE_DIGITS = 15;

    private final LineFinder lines = new LineFinder();
    private final ServerSettings settings;
    private Fields trailers;
    private Headers received = Headers.empty();
    private State state = State.SIZE;
    private long remaining;

    private enum State { SIZE, DATA, DATA_END, TRAILERS, DONE }

    /**
     * A decoder for one chunked body.
     *
     * @param settings the limits the trailer section is held to, as a head is:
     *                 {@code max_header_line}, {@code max_header_count}, {@code max_headers_size}
     */
    public ChunkDecoder(ServerSettings settings) {
        this.settings = settings;
    }

    /**
     * Decodes framing from {@code buf[from, to)} until chunk data comes next, the body ends, or
     * more bytes are needed. Returns the index after the last byte consumed.
     *
     * @param buf  the bytes received
     * @param from the index of the first byte to decode
     * @param to   the index after the last byte received
     * @return the index after the last byte consumed; chunk data, if any comes next, starts there
     * @throws HttpRefusal 400 for malformed framing (431 for too many trailer fields)
     */
    public int decode(byte[] buf, int from, int to) throws HttpRefusal {
        int at = from;
        while (at < to) {
            switch (state) {
                case DATA -> {
                    return at;
                }
                case DONE -> {
                    return at;
                }
                case DATA_END -> {
                    if (buf[at] != '\r' || (at + 1 < to && buf[at + 1] != '\n')) {
                        throw HttpRefusal.badRequest("chunk data must end with CRLF where its size says");
                    }
                    if (at + 1 == to) {
                        return at;
                    }
                    at += 2;
                    state = State.SIZE;
                }
                case SIZE, TRAILERS -> {
                    int next = line(buf, at, to);
                    if (next < 0) {
                        return at;
                    }
                    at = next;
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return at;
    }

    /**
     * {@return data bytes of the current chunk that come next in the input; 0 while framing comes
     * next}
     */
    public long dataRemaining() {
        return state == State.DATA ? remaining : 0;
    }

    /**
     * Notes that the caller took data bytes of the current chunk; after its last one, the decoder
     * expects the CRLF that ends the chunk.
     *
     * @param n the bytes taken, at most {@link #dataRemaining()}; 0 or less is ignored
     */
    public void consumed(long n) {
        if (n <= 0) {
            return;
        }
        remaining -= n;
        if (remaining == 0) {
            state = State.DATA_END;
        }
    }

    /** {@return whether the last chunk and the trailer section have been decoded} */
    public boolean done() {
        return state == State.DONE;
    }

    /** {@return the trailer fields, once {@link #done()}; empty before} */
    public Headers trailers() {
        return received;
    }

    /** {@return the refusal (400) for an input that ends before the body does} */
    public HttpRefusal ended() {
        return HttpRefusal.badRequest("the connection closed inside a chunked body");
    }

    /** Decodes one size or trailer line; the index after it, or -1 when it is not complete. */
    private int line(byte[] buf, int at, int to) throws HttpRefusal {
        boolean size = state == State.SIZE;
        int lf = lines.lineEnd(buf, at, to, size ? MAX_SIZE_LINE : HeadDecoder.fieldLineMax(settings), 400);
        if (lf < 0) {
            return -1;
        }
        if (size) {
            sizeLine(buf, at, lf - 1);
        } else {
            trailerLine(buf, at, lf - 1);
        }
        return lf + 1;
    }

    private void sizeLine(byte[] buf, int start, int end) throws HttpRefusal {
        long size = 0;
        int i = start;
        for (; i < end && Syntax.hexDigit(buf[i]) >= 0; i++) {
            if (i - start == MAX_SIZE_DIGITS) {
                throw HttpRefusal.badRequest("a chunk size of more than " + MAX_SIZE_DIGITS + " hex digits");
            }
            size = size * 16 + Syntax.hexDigit(buf[i]);
        }
        if (i == start || !ChunkExtensions.valid(buf, i, end)) {
            throw HttpRefusal.badRequest("a chunk size line is hex digits and chunk extensions");
        }
        remaining = size;
        if (size > 0) {
            state = State.DATA;
        } else {
            state = State.TRAILERS;
            trailers = new Fields(settings.maxHeaderCount(), settings.maxHeadersSize().bytes());
        }
    }

    private void trailerLine(byte[] buf, int start, int end) throws HttpRefusal {
        if (start == end) {
            received = trailers.build();
            state = State.DONE;
            return;
        }
        String name = trailers.add(buf, start, end);
        if (forbidden(name)) {
            throw HttpRefusal.badRequest("a trailer may not be " + name);
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
