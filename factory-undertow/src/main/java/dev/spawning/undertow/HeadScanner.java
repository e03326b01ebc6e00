package dev.spawning.undertow;

import dev.spawning.factory.server.ChunkDecoder;
import dev.spawning.factory.server.HeadDecoder;
import dev.spawning.factory.server.HttpRefusal;
import dev.spawning.factory.server.RequestHead;
import dev.spawning.factory.server.ServerSettings;
import java.nio.charset.StandardCharsets;

/**
 * Decodes what a client sends on one connection with the decoders every provider shares
 * ({@link HeadDecoder}, {@link ChunkDecoder}) and writes, for Undertow's parser to read, a
 * canonical form of the same requests: for each head, a request line and the few fields Undertow
 * acts on ({@code GET / HTTP/1.1}, {@code Host}, the body's framing, {@code Connection},
 * {@code Expect}); each fixed-length body as it came; each chunked body re-chunked without
 * extensions or trailers. The head as sent goes to the {@link TrackedConnection}, in order, as
 * the {@link HeadFacts} the app's request is built from.
 *
 * <p><b>The invariant:</b> Undertow reads only canonical heads and boundaries written here, so it
 * and this scanner agree on where every message begins and ends, or the connection ends. A
 * refused head becomes a canonical head whose facts carry the refusal (the root handler answers
 * it; nothing after it reaches Undertow); a malformed or cut-off body ends Undertow's input where
 * it broke, so that its read fails (see {@link TrackedConnection#bodyRefused}). None of
 * Undertow's own leniency ({@link UndertowQuirks}) is ever reached.
 *
 * <p>Threading: called by whichever thread reads the connection, one at a time. Not thread-safe.
 */
final class HeadScanner {

    /** What Undertow parses for each head; the method and target it sees are not the app's. */
    private static final byte[] GET_11 = ascii("GET / HTTP/1.1\r\nHost: h\r\n");
    private static final byte[] GET_10 = ascii("GET / HTTP/1.0\r\nHost: h\r\n");
    private static final byte[] HEAD_11 = ascii("HEAD / HTTP/1.1\r\nHost: h\r\n");
    private static final byte[] HEAD_10 = ascii("HEAD / HTTP/1.0\r\nHost: h\r\n");
    private static final byte[] CONTENT_LENGTH = ascii("Content-Length: ");
    private static final byte[] CHUNKED = ascii("Transfer-Encoding: chunked\r\n");
    private static final byte[] CLOSE = ascii("Connection: close\r\n");
    private static final byte[] KEEP_ALIVE = ascii("Connection: keep-alive\r\n");
    private static final byte[] EXPECT = ascii("Expect: 100-continue\r\n");
    private static final byte[] CRLF = ascii("\r\n");
    private static final byte[] LAST_CHUNK = ascii("0\r\n\r\n");

    private final ServerSettings settings;
    private final TrackedConnection tracked;
    private final HeadDecoder heads;
    private State state = State.HEAD;
    private long fixedRemaining;
    private ChunkDecoder chunks;
    private HeadFacts bodyFacts;

    private enum State { HEAD, FIXED_BODY, CHUNKED_BODY, ENDED }

    HeadScanner(ServerSettings settings, TrackedConnection tracked) {
        this.settings = settings;
        this.tracked = tracked;
        this.heads = new HeadDecoder(settings);
    }

    /**
     * Decodes {@code raw[from, to)} and writes the canonical bytes to {@code out}. Returns the
     * index after the last byte consumed; the rest (part of a line) must be passed again with more.
     */
    int scan(byte[] raw, int from, int to, Output out) {
        int at = from;
        while (at < to && state != State.ENDED) {
            int before = at;
            State was = state;
            at = switch (state) {
                case HEAD -> head(raw, at, to, out);
                case FIXED_BODY -> fixed(raw, at, to, out);
                case CHUNKED_BODY -> chunked(raw, at, to, out);
                case ENDED -> to;
            };
            if (at == before && state == was) {
                break;
            }
        }
        return state == State.ENDED ? to : at;
    }

    /**
     * The client closed its side: a head it had begun is refused (an incomplete message), a body
     * it had begun breaks. Returns whether Undertow should see the end of its input now (rather
     * than a refused head first).
     */
    boolean ended(Output out) {
        State was = state;
        state = State.ENDED;
        if (was == State.HEAD) {
            HttpRefusal cutShort = heads.ended();
            if (cutShort != null) {
                refuse(cutShort, out);
                return false;
            }
        } else if (was != State.ENDED) {
            tracked.bodyRefused(bodyFacts);
        }
        return true;
    }

    /** Whether Undertow's input has ended: a refusal or a broken body; nothing more passes. */
    boolean isEnded() {
        return state == State.ENDED;
    }

    /** Whether part of a head has arrived and is not complete yet. */
    boolean headBegun() {
        return state == State.HEAD && heads.started();
    }

    /** Whether a body is arriving. */
    boolean inBody() {
        return state == State.FIXED_BODY || state == State.CHUNKED_BODY;
    }

    /** Bytes of a fixed-length body that may pass unchanged from the next read; 0 otherwise. */
    long passThrough() {
        return state == State.FIXED_BODY ? fixedRemaining : 0;
    }

    /** {@code count} bytes of a fixed-length body passed without being scanned. */
    void passed(int count) {
        fixedRemaining -= count;
        if (fixedRemaining == 0) {
            state = State.HEAD;
        }
    }

    private int head(byte[] raw, int from, int to, Output out) {
        int at;
        try {
            at = heads.decode(raw, from, to);
        } catch (HttpRefusal refused) {
            refuse(refused, out);
            return to;
        }
        if (heads.complete()) {
            RequestHead head = heads.take();
            HeadFacts facts = HeadFacts.of(head);
            canonical(head, out);
            tracked.headParsed(facts);
            startBody(head, facts);
        }
        return at;
    }

    private void startBody(RequestHead head, HeadFacts facts) {
        bodyFacts = facts;
        if (head.chunked()) {
            state = State.CHUNKED_BODY;
            chunks = new ChunkDecoder(settings);
        } else if (head.contentLength() > 0) {
            state = State.FIXED_BODY;
            fixedRemaining = head.contentLength();
        }
    }

    private int fixed(byte[] raw, int from, int to, Output out) {
        int count = (int) Math.min(fixedRemaining, to - from);
        out.put(raw, from, count);
        passed(count);
        return from + count;
    }

    private int chunked(byte[] raw, int from, int to, Output out) {
        int at;
        try {
            at = chunks.decode(raw, from, to);
        } catch (HttpRefusal malformed) {
            state = State.ENDED;
            tracked.bodyRefused(bodyFacts);
            return to;
        }
        int count = (int) Math.min(chunks.dataRemaining(), to - at);
        if (count > 0) {
            out.put(ascii(Integer.toHexString(count)));
            out.put(CRLF);
            out.put(raw, at, count);
            out.put(CRLF);
            chunks.consumed(count);
            at += count;
        } else if (chunks.done()) {
            out.put(LAST_CHUNK);
            bodyFacts.trailersArrived(chunks.trailers());
            chunks = null;
            state = State.HEAD;
        }
        return at;
    }

    /** A refused head: a canonical one in its place, whose facts carry the refusal; then nothing. */
    private void refuse(HttpRefusal refused, Output out) {
        state = State.ENDED;
        out.put(GET_11);
        out.put(CLOSE);
        out.put(CRLF);
        tracked.headParsed(HeadFacts.refused(refused));
    }

    private static void canonical(RequestHead head, Output out) {
        if (head.isHead()) {
            out.put(head.http11() ? HEAD_11 : HEAD_10);
        } else {
            out.put(head.http11() ? GET_11 : GET_10);
        }
        if (head.chunked()) {
            out.put(CHUNKED);
        } else if (head.contentLength() > 0) {
            out.put(CONTENT_LENGTH);
            out.put(ascii(Long.toString(head.contentLength())));
            out.put(CRLF);
        }
        if (!head.clientKeepsAlive()) {
            out.put(CLOSE);
        } else if (!head.http11()) {
            out.put(KEEP_ALIVE);
        }
        if (head.awaitsContinue()) {
            out.put(EXPECT);
        }
        out.put(CRLF);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Where the canonical bytes go. */
    interface Output {

        void put(byte[] bytes, int from, int count);

        default void put(byte[] bytes) {
            put(bytes, 0, bytes.length);
        }
    }
}
