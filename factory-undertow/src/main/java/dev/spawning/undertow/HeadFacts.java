package dev.spawning.undertow;

import dev.spawning.factory.Headers;
import dev.spawning.factory.server.HttpRefusal;
import dev.spawning.factory.server.RequestHead;

/**
 * One request head as {@link HeadScanner} decoded it from the client's bytes, which Undertow
 * never sees (it parses a canonical head in its place): the request the app is given, or the
 * refusal the server answers instead, and the trailers of a chunked body once they arrived.
 *
 * <p>Threading: made by the thread reading the connection; the trailers and the body's refusal are
 * set by the thread that read the body's end, which is the app thread reading the body or the IO
 * thread before the app runs, and {@link #answer} by the app thread: those fields are volatile.
 */
final class HeadFacts {

    /** What an access log line and an error response need of a head whose request line was never read. */
    private static final RequestHead UNREAD = RequestHead.of(new RequestHead.Line("GET", "/", true));

    private final RequestHead head;
    private final int refusal;
    private final boolean lineRead;
    private volatile Headers trailers = Headers.empty();
    private volatile boolean bodyRefused;
    private volatile boolean answered;

    private HeadFacts(RequestHead head, int refusal, boolean lineRead) {
        this.head = head;
        this.refusal = refusal;
        this.lineRead = lineRead;
    }

    static HeadFacts of(RequestHead head) {
        return new HeadFacts(head, 0, true);
    }

    static HeadFacts refused(HttpRefusal refused) {
        RequestHead.Line line = refused.line();
        return new HeadFacts(line == null ? UNREAD : RequestHead.of(line), refused.status(), line != null);
    }

    /** The head as sent; of a refused request, its request line alone. */
    RequestHead head() {
        return head;
    }

    /** The status the server answers without calling the app; 0 when the head was accepted. */
    int refusal() {
        return refusal;
    }

    /** Whether the request line was read: only then is the request logged. */
    boolean lineRead() {
        return lineRead;
    }

    Headers trailers() {
        return trailers;
    }

    void trailersArrived(Headers received) {
        trailers = received;
    }

    /**
     * The scanner refused this request's body: malformed chunked framing, or the client closed
     * before its end (an incomplete message). Undertow's input ends there, so its read fails.
     */
    void refuseBody() {
        bodyRefused = true;
    }

    /** True once the body was refused: the app's read fails with 400, and the connection closes. */
    boolean bodyRefused() {
        return bodyRefused;
    }

    /**
     * The app thread has written the response and is about to end the exchange: from now on only
     * Undertow reads the connection, never the app.
     */
    void answer() {
        answered = true;
    }

    boolean answered() {
        return answered;
    }
}
