package dev.spawning.coroutine;

/**
 * A request the server refuses on its own, with the status to answer: malformed input (400), a
 * limit broken (413, 414, 431), a transfer coding it does not implement (501). The app never sees
 * such a request. Checked, because each caller must decide what the refusal does to its connection.
 */
final class HttpError extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final RequestHead.Line line;

    HttpError(int status, String reason) {
        this(status, reason, null);
    }

    private HttpError(int status, String reason, RequestHead.Line line) {
        super(reason, null, false, false);
        this.status = status;
        this.line = line;
    }

    /** The same refusal, of a request whose request line was read: it can be logged. */
    HttpError of(RequestHead.Line requestLine) {
        return line != null ? this : new HttpError(status, getMessage(), requestLine);
    }

    /** The request line of the refused request; {@code null} when it was not read. */
    RequestHead.Line line() {
        return line;
    }

    static HttpError badRequest(String reason) {
        return new HttpError(400, reason);
    }

    int status() {
        return status;
    }
}
