package dev.spawning.undertow;

import dev.spawning.factory.Headers;
import dev.spawning.factory.spi.HttpRefusal;
import dev.spawning.factory.spi.RequestHead;

/**
 * One request head as {@link HeadScanner} decoded it from the client's bytes, which Undertow
 * never sees (it parses a canonical head in its place): the request the app is given, or the
 * refusal the server answers instead, and the trailers of a chunked body once they arrived.
 *
 * <p>Threading: made by the thread reading the connection; the trailers are set by the thread
 * that read the body's end, which is the app thread reading the body, or read before the app
 * runs; {@link #trailers} is volatile for the rare case where they differ.
 */
final class HeadFacts {

    /** What an access log line and an error response need of a head whose request line was never read. */
    private static final RequestHead UNREAD = RequestHead.of(new RequestHead.Line("GET", "/", true));

    private final RequestHead head;
    private final int refusal;
    private final boolean lineRead;
    private volatile Headers trailers = Headers.empty();

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
}
