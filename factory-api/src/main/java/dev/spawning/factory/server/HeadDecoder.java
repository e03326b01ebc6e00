package dev.spawning.factory.server;

import java.nio.charset.StandardCharsets;

/**
 * Decodes request heads (request line and header fields) from bytes as they arrive, and checks
 * each against RFC 9112, RFC 9110 and the server's limits. Strict where leniency lets requests be
 * smuggled: CRLF line ends only, no folding, no whitespace before a colon, only the target
 * characters RFC 3986 allows, a valid {@code Host}, one Content-Length of digits, chunked last and
 * once, never both framings. Every provider decodes with this class, so that each refuses the
 * same requests with the same status.
 *
 * <pre>{@code
 * HeadDecoder heads = new HeadDecoder(settings);
 * int consumed = heads.decode(buf, from, to);   // whole lines only; call again with more bytes
 * if (heads.complete()) {
 *     RequestHead head = heads.take();          // and the decoder is ready for the next head
 * }
 * }</pre>
 *
 * <p>The checks run in one order: the request line's shape, its method, its version (505 for a
 * well-formed one this server does not speak), its target; then each field line as it arrives
 * (431 for the limits before 400 for its syntax); then the head as a whole (see {@link Framing}).
 *
 * <p>One per connection; not thread-safe.
 */
public final class HeadDecoder {

    /** Empty lines tolerated before a request line (RFC 9112 section 2.2 allows at least one). */
    private static final int MAX_EMPTY_LINES = 8;

    /** The longest method accepted: longer than any registered one, far shorter than a target. */
    static final int MAX_METHOD = 32;

    private static final int VERSION_LENGTH = 8;

    private final ServerSettings settings;
    private final int fieldLineMax;
    private final LineFinder lines = new LineFinder();
    private RequestHead.Line line;
    private Fields fields;
    private Framing framing;
    private RequestHead head;
    private int emptyLines;

    /**
     * A decoder for the heads of one connection.
     *
     * @param settings the limits to check ({@code url_length_limit}, {@code max_header_line},
     *                 {@code max_header_count}, {@code max_headers_size}) and {@code require_host}
     */
    public HeadDecoder(ServerSettings settings) {
        this.settings = settings;
        this.fieldLineMax = fieldLineMax(settings);
    }

    /**
     * The most bytes a field line may have before its CRLF: with the CRLF it must be shorter than
     * {@code max_header_line} ({@link ServerSettings#headerLineTooLong}).
     *
     * @param settings the settings whose {@code max_header_line} applies
     * @return the limit in bytes, CRLF excluded
     */
    public static int fieldLineMax(ServerSettings settings) {
        return settings.maxHeaderLine() - 3;
    }

    /**
     * Decodes the whole lines of {@code buf[from, to)}, stopping after the blank line that ends a
     * head. Returns the index after the last byte consumed; the bytes of an incomplete line are
     * not consumed and must be passed again, with more, on the next call.
     *
     * @param buf  the bytes received
     * @param from the index of the first byte to decode
     * @param to   the index after the last byte received
     * @return the index after the last byte consumed
     * @throws HttpRefusal the head is malformed or over a limit; the decoder is then done with
     *                     this connection
     */
    public int decode(byte[] buf, int from, int to) throws HttpRefusal {
        int at = from;
        while (head == null) {
            int lf = lineEnd(buf, at, to);
            if (lf < 0) {
                return at;
            }
            int end = lf - 1;
            if (line == null) {
                requestLine(buf, at, end);
            } else if (end == at) {
                finish();
            } else {
                field(buf, at, end);
            }
            at = lf + 1;
        }
        return at;
    }

    /** {@return whether a whole head has been decoded and awaits {@link #take}} */
    public boolean complete() {
        return head != null;
    }

    /**
     * {@return whether part of a head has arrived: its bytes since the last {@link #take}, empty
     * lines aside}
     */
    public boolean started() {
        return line != null || lines.pending() > 0;
    }

    /**
     * Takes the head decoded and resets the decoder for the next one.
     *
     * @return the head; {@code null} unless {@link #complete()}
     */
    public RequestHead take() {
        RequestHead taken = head;
        head = null;
        line = null;
        fields = null;
        framing = null;
        emptyLines = 0;
        lines.reset();
        return taken;
    }

    /**
     * What the end of the input means here: nothing if no head had begun, else the refusal of an
     * incomplete head (400, RFC 9112 section 8).
     *
     * @return the refusal to answer with; {@code null} when no head had begun
     */
    public HttpRefusal ended() {
        if (line != null) {
            return HttpRefusal.badRequest("the connection closed inside the header fields").of(line);
        }
        return lines.pending() > 0 ? HttpRefusal.badRequest("the connection closed inside the request line") : null;
    }

    private int lineEnd(byte[] buf, int at, int to) throws HttpRefusal {
        if (line != null) {
            try {
                return lines.lineEnd(buf, at, to, fieldLineMax, 431);
            } catch (HttpRefusal refused) {
                throw refused.of(line);
            }
        }
        try {
            return lines.lineEnd(buf, at, to, settings.urlLengthLimit(), 414);
        } catch (HttpRefusal refused) {
            throw refused.status() == 414 ? RequestLines.tooLong(buf, at, to, refused) : refused;
        }
    }

    private void requestLine(byte[] buf, int start, int end) throws HttpRefusal {
        if (end == start && emptyLines < MAX_EMPTY_LINES) {
            emptyLines++;
            return;
        }
        line = RequestLines.parse(buf, start, end);
        fields = new Fields(settings.maxHeaderCount(), settings.maxHeadersSize().bytes());
        framing = new Framing(line.http11());
    }

    private void field(byte[] buf, int start, int end) throws HttpRefusal {
        try {
            framing.field(fields.add(buf, start, end), fields.lastValue());
        } catch (HttpRefusal refused) {
            throw refused.of(line);
        }
    }

    private void finish() throws HttpRefusal {
        try {
            framing.check(settings.requireHost());
        } catch (HttpRefusal refused) {
            throw refused.of(line);
        }
        head = new RequestHead(line.method(), line.target(), line.http11(), fields.build(),
                framing.contentLength(), framing.chunked(), framing.closeAsked(), framing.keepAliveAsked(),
                framing.expectContinue());
    }

    /** The request line: {@code method SP request-target SP HTTP-version}, single spaces. */
    static final class RequestLines {

        private RequestLines() {
        }

        /** Parses {@code buf[start, end)}, CRLF excluded. */
        static RequestHead.Line parse(byte[] buf, int start, int end) throws HttpRefusal {
            int space = indexOf(buf, start, end, ' ');
            int second = space < 0 ? -1 : indexOf(buf, space + 1, end, ' ');
            if (space <= start || second <= space + 1 || second + 1 == end || indexOf(buf, second + 1, end, ' ') >= 0) {
                throw HttpRefusal.badRequest("a request line is METHOD SP TARGET SP HTTP-VERSION");
            }
            method(buf, start, space);
            boolean http11 = version(buf, second + 1, end);
            String method = new String(buf, start, space - start, StandardCharsets.ISO_8859_1);
            String target = new String(buf, space + 1, second - space - 1, StandardCharsets.ISO_8859_1);
            if (!RequestTargets.allowed(method, target)) {
                throw HttpRefusal.badRequest("a request target must be one RFC 3986 allows for its method");
            }
            return new RequestHead.Line(method, target, http11);
        }

        /**
         * A request line longer than {@code url_length_limit}: 414, unless what came so far is
         * no request line at all (no method, or one longer than any method), which is 400.
         */
        static HttpRefusal tooLong(byte[] buf, int start, int to, HttpRefusal refused) {
            int end = Math.min(to, start + MAX_METHOD + 1);
            int space = indexOf(buf, start, end, ' ');
            try {
                method(buf, start, space < 0 ? end : space);
            } catch (HttpRefusal notAMethod) {
                return notAMethod;
            }
            return space <= start ? HttpRefusal.badRequest("a request line is METHOD SP TARGET SP HTTP-VERSION") : refused;
        }

        /** An upper-case token of at most {@link #MAX_METHOD} bytes. */
        private static void method(byte[] buf, int start, int end) throws HttpRefusal {
            if (end - start > MAX_METHOD) {
                throw HttpRefusal.badRequest("a method is at most " + MAX_METHOD + " bytes");
            }
            for (int i = start; i < end; i++) {
                byte b = buf[i];
                if (!Syntax.tchar(b) || (b >= 'a' && b <= 'z') || b == '#') {
                    throw HttpRefusal.badRequest("a method is an upper-case token");
                }
            }
        }

        /**
         * {@code HTTP/1.1} or {@code HTTP/1.0} (true for 1.1); a later {@code HTTP/1.x} is served
         * as HTTP/1.1 (RFC 9110 section 2.5).
         *
         * @throws HttpRefusal 505 for a well-formed version of another major number, else 400
         */
        private static boolean version(byte[] buf, int start, int end) throws HttpRefusal {
            if (end - start != VERSION_LENGTH || buf[start] != 'H' || buf[start + 1] != 'T' || buf[start + 2] != 'T'
                    || buf[start + 3] != 'P' || buf[start + 4] != '/' || !digit(buf[start + 5])
                    || buf[start + 6] != '.' || !digit(buf[start + 7])) {
                throw HttpRefusal.badRequest("the version must be HTTP/1.1 or HTTP/1.0");
            }
            if (buf[start + 5] != '1') {
                throw new HttpRefusal(505, "HTTP/" + (char) buf[start + 5] + " is not spoken here");
            }
            return buf[start + 7] != '0';
        }

        private static boolean digit(byte b) {
            return b >= '0' && b <= '9';
        }

        private static int indexOf(byte[] buf, int from, int to, char c) {
            for (int i = from; i < to; i++) {
                if (buf[i] == c) {
                    return i;
                }
            }
            return -1;
        }
    }
}
