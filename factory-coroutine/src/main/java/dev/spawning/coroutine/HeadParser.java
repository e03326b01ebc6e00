package dev.spawning.coroutine;

import dev.spawning.factory.ServerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads one request head (request line and header fields) from a connection's input and checks
 * it against RFC 9112 and the server's limits. Strict where leniency lets requests be smuggled:
 * CRLF line ends only, no folding, no whitespace before a colon, one Content-Length of digits,
 * chunked last and once, never both framings.
 *
 * <p>Immutable; one instance serves every connection of a server.
 */
final class HeadParser {

    private static final int MAX_EMPTY_LINES = 8;

    private final ServerSettings limits;

    HeadParser(ServerSettings limits) {
        this.limits = limits;
    }

    /**
     * The next request head; {@code null} when the stream ends before its first byte.
     *
     * @throws HttpError when the head is malformed or over a limit
     * @throws java.net.SocketTimeoutException when the head is not complete by the deadline
     */
    RequestHead parse(SocketInput in, long deadlineNanos) throws IOException, HttpError {
        int lf = in.lineEnd(limits.urlLengthLimit(), 414, deadlineNanos);
        for (int empty = 0; lf == in.position() + 1 && empty < MAX_EMPTY_LINES; empty++) {
            in.skip(2);
            lf = in.lineEnd(limits.urlLengthLimit(), 414, deadlineNanos);
        }
        if (lf < 0) {
            if (in.buffered() == 0) {
                return null;
            }
            throw HttpError.badRequest("the connection closed inside the request line");
        }
        RequestLine line = RequestLine.parse(in.buffer(), in.position(), lf - 1);
        in.skip(lf + 1 - in.position());
        try {
            return fields(in, line, deadlineNanos);
        } catch (HttpError refused) {
            throw refused.of(new RequestHead.Line(line.method(), line.target(), line.http11()));
        }
    }

    /**
     * The most bytes a field line may have before its CRLF: with the CRLF it must be shorter than
     * {@code max_header_line} ({@link ServerSettings#headerLineTooLong}).
     */
    static int fieldLineMax(ServerSettings limits) {
        return limits.maxHeaderLine() - 3;
    }

    private RequestHead fields(SocketInput in, RequestLine line, long deadlineNanos) throws IOException, HttpError {
        Fields fields = new Fields(limits.maxHeaderCount(), limits.maxHeadersSize().bytes());
        Framing framing = new Framing(line.http11());
        while (true) {
            int lf = in.lineEnd(fieldLineMax(limits), 431, deadlineNanos);
            if (lf < 0) {
                throw HttpError.badRequest("the connection closed inside the header fields");
            }
            int start = in.position();
            in.skip(lf + 1 - start);
            if (lf - 1 == start) {
                break;
            }
            framing.field(fields.add(in.buffer(), start, lf - 1), fields.lastValue());
        }
        framing.check(limits.requireHost());
        return new RequestHead(line.method(), line.target(), line.http11(), fields.build(),
                framing.contentLength(), framing.chunked(), framing.closeAsked(), framing.keepAliveAsked(),
                framing.expectContinue());
    }

    /** The three parts of a request line, checked. */
    record RequestLine(String method, String target, boolean http11) {

        /** Parses {@code buf[start, end)}: method SP target SP version, single spaces. */
        static RequestLine parse(byte[] buf, int start, int end) throws HttpError {
            int space = start;
            while (space < end && buf[space] != ' ') {
                byte b = buf[space++];
                if (!Syntax.tchar(b) || (b >= 'a' && b <= 'z') || b == '#') {
                    throw HttpError.badRequest("a method is an upper-case token");
                }
            }
            int targetStart = space + 1;
            int targetEnd = targetStart;
            while (targetEnd < end && buf[targetEnd] != ' ') {
                if (!Syntax.target(buf[targetEnd++])) {
                    throw HttpError.badRequest("a control character in the request target");
                }
            }
            if (space == start || targetEnd == targetStart || targetEnd + 9 != end) {
                throw HttpError.badRequest("a request line is METHOD SP TARGET SP HTTP/1.x");
            }
            String method = new String(buf, start, space - start, StandardCharsets.ISO_8859_1);
            String target = new String(buf, targetStart, targetEnd - targetStart, StandardCharsets.ISO_8859_1);
            if (!TargetForms.allowed(method, target)) {
                throw HttpError.badRequest("a request target of a form this method cannot use");
            }
            return new RequestLine(method, target, version(buf, targetEnd + 1));
        }

        private static boolean version(byte[] buf, int at) throws HttpError {
            boolean http1 = buf[at] == 'H' && buf[at + 1] == 'T' && buf[at + 2] == 'T' && buf[at + 3] == 'P'
                    && buf[at + 4] == '/' && buf[at + 5] == '1' && buf[at + 6] == '.';
            if (!http1 || (buf[at + 7] != '1' && buf[at + 7] != '0')) {
                throw HttpError.badRequest("the version must be HTTP/1.1 or HTTP/1.0");
            }
            return buf[at + 7] == '1';
        }
    }
}
