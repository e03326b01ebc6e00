package dev.spawning.undertow;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Follows the bytes of one connection as they pass under Undertow's parser, to learn what Undertow
 * does not tell: whether a request head folded a header line (obs-fold, which Undertow unfolds
 * silently) and whether an HTTP/1.1 head lacks {@code Host} (which Undertow answers with 400
 * before any handler runs). For a head without {@code Host} the scanner stops at the blank line
 * that ends it and asks for a {@code Host} line to be inserted there, so that Undertow passes the
 * request on; {@link RootHandler} then refuses it itself or removes the field again, depending on
 * {@code require_host}. Each completed head's {@link HeadFacts} go to the {@link TrackedConnection}.
 *
 * <p>Bodies are skipped by their framing (Content-Length, or chunked with trailers) so that the
 * next pipelined head is found. Input that the scanner cannot frame (a bad chunk size, a
 * conflicting length) ends the scan and marks the connection's framing as lost: Undertow refuses
 * some such input itself and reads past the rest (a chunk size of {@code 6_0} counts as 6), so
 * the request is refused with 400 when its body is read (see {@link RequestBody}). Header values are read as ISO-8859-1.
 *
 * <p>Threading: called by whichever thread reads the connection, one at a time. Not thread-safe.
 */
final class HeadScanner {

    /** The longest header line kept for inspection; the fields looked at are short. */
    private static final int KEEP_FIELD = 512;

    /** The longest request line kept, to hand its target to the app as sent; longer ones fall back to Undertow's. */
    private static final int KEEP_REQUEST_LINE = 64 * 1024;

    private final TrackedConnection tracked;
    private final BodyFraming body = new BodyFraming();
    private final StringBuilder line = new StringBuilder();
    private State state = State.REQUEST_LINE;
    private boolean http11;
    private boolean folded;
    private boolean hostSeen;
    private boolean injected;
    private String target;
    private boolean userinfoCut;
    private int removed;
    private int lostAt = -1;
    private String contentLength;
    private String transferEncoding;

    private enum State { REQUEST_LINE, LINE_START, HEADER, HEAD_END, BODY, LOST }

    HeadScanner(TrackedConnection tracked) {
        this.tracked = tracked;
    }

    /**
     * Scans {@code buffer} from {@code from} to {@code to} (absolute indexes). Returns the index
     * of the blank line before which {@link #hostLine} must be inserted, having scanned up to it,
     * or -1 when the whole range was scanned. The range may shrink: see {@link #removed}.
     */
    int scan(ByteBuffer buffer, int from, int to) {
        removed = 0;
        lostAt = -1;
        int at = from;
        while (at < to) {
            if (state == State.BODY) {
                at = body.skip(buffer, at, to);
                if (body.done()) {
                    state = body.lost() ? lost(at) : State.REQUEST_LINE;
                }
                continue;
            }
            if (state == State.LOST) {
                return -1;
            }
            if (state == State.LINE_START && isLineEnd(buffer.get(at)) && needsHost()) {
                injected = true;
                return at;
            }
            byte b = buffer.get(at++);
            int userinfo = state == State.REQUEST_LINE && b == '@' && !userinfoCut
                    ? AbsoluteTargets.userinfoLength(line)
                    : 0;
            step(b);
            if (userinfo > 0 && at - 1 - userinfo >= from) {
                at = cut(buffer, at - 1 - userinfo, at, to);
                to -= userinfo + 1;
            }
        }
        return -1;
    }

    /**
     * Bytes the last {@link #scan} cut out of its range: the userinfo of an absolute-form target
     * ({@code http://user:pass@host/}), on which Undertow's parser fails. Undertow then parses
     * the target without it; the app still gets the target as sent.
     */
    int removed() {
        return removed;
    }

    /** The line to insert before the head's blank line: a Host the head lacked. */
    byte[] hostLine() {
        String host = target == null ? null : AbsoluteTargets.authority(target);
        return ("Host: " + (host == null ? "localhost" : host) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private boolean needsHost() {
        return http11 && !hostSeen && !injected;
    }

    private State lost(int at) {
        tracked.framingLost();
        lostAt = at;
        return State.LOST;
    }

    /**
     * Where the framing was lost in the range of the last {@link #scan}, or -1: the bytes from
     * there on must not reach Undertow, whose chunk parser would close the connection on them
     * before the server could answer 400.
     */
    int lostAt() {
        return lostAt;
    }

    /** Moves the bytes after {@code end} down to {@code start}; returns where scanning resumes. */
    private int cut(ByteBuffer buffer, int start, int end, int to) {
        buffer.put(start, buffer, end, to - end);
        removed += end - start;
        userinfoCut = true;
        return start;
    }

    private void step(byte b) {
        char c = (char) (b & 0xff);
        switch (state) {
            case REQUEST_LINE -> requestLine(c);
            case LINE_START -> lineStart(c);
            case HEADER -> header(c);
            case HEAD_END -> headEnd();
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void requestLine(char c) {
        if (c == '\n') {
            if (!line.isEmpty()) {
                startHead();
            }
            line.setLength(0);
        } else if (c != '\r' || !line.isEmpty()) {
            keep(c, KEEP_REQUEST_LINE);
        }
    }

    /** The request line is in {@code line}, without its LF; read without copying it whole. */
    private void startHead() {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) <= ' ') {
            end--;
        }
        http11 = end >= 9 && line.lastIndexOf(" HTTP/1.1", end - 9) == end - 9;
        int space = line.indexOf(" ");
        int last = line.lastIndexOf(" ", end - 1);
        target = space > 0 && last > space && line.length() < KEEP_REQUEST_LINE
                ? line.substring(space + 1, last)
                : null;
        state = State.LINE_START;
    }

    private void lineStart(char c) {
        if (c == '\r' || c == '\n') {
            state = State.HEAD_END;
            if (c == '\n') {
                headEnd();
            }
            return;
        }
        folded |= c == ' ' || c == '\t';
        state = State.HEADER;
        keep(c, KEEP_FIELD);
    }

    private void header(char c) {
        if (c != '\n') {
            keep(c, KEEP_FIELD);
            return;
        }
        field();
        line.setLength(0);
        state = State.LINE_START;
    }

    /** Notes the header line in {@code line} if it is one of the few that matter here; most are not copied. */
    private void field() {
        int colon = line.indexOf(":");
        if (colon == 4 && named("host")) {
            hostSeen = true;
        } else if (colon == 14 && named("content-length")) {
            String value = line.substring(colon + 1).strip();
            contentLength = contentLength == null || contentLength.equals(value) ? value : "conflict";
        } else if (colon == 17 && named("transfer-encoding")) {
            String value = line.substring(colon + 1).strip();
            transferEncoding = transferEncoding == null ? value : transferEncoding + "," + value;
        }
    }

    private boolean named(String lowerCaseName) {
        for (int i = 0; i < lowerCaseName.length(); i++) {
            if (Character.toLowerCase(line.charAt(i)) != lowerCaseName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The LF after the blank line's CR (anything else is left to Undertow to refuse). */
    private void headEnd() {
        tracked.headParsed(new HeadFacts(injected, folded, target));
        state = body.start(contentLength, transferEncoding) ? State.BODY : State.REQUEST_LINE;
        line.setLength(0);
        http11 = folded = hostSeen = injected = userinfoCut = false;
        target = contentLength = transferEncoding = null;
    }

    private void keep(char c, int limit) {
        if (line.length() < limit) {
            line.append(c);
        }
    }

    private static boolean isLineEnd(byte b) {
        return b == '\r' || b == '\n';
    }
}
