package dev.spawning.factory.server;

/**
 * A request the server refuses on its own, with the status to answer: malformed input (400), a
 * limit broken (413, 414, 431), a transfer coding it does not implement (501), an HTTP version it
 * does not speak (505). The app never sees such a request. Checked, because each caller must
 * decide what the refusal does to its connection: every provider answers it and closes.
 */
public final class HttpRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    /** The status to answer, such as 400. */
    private final int status;
    private final transient RequestHead.Line line;

    /**
     * A refusal of a request whose request line is not known.
     *
     * @param status the status to answer, such as 400
     * @param reason why, in a phrase for logs and tests (never sent to the client)
     */
    public HttpRefusal(int status, String reason) {
        this(status, reason, null);
    }

    private HttpRefusal(int status, String reason, RequestHead.Line line) {
        super(reason, null, false, false);
        this.status = status;
        this.line = line;
    }

    /**
     * A 400: the bytes break RFC 9112 or RFC 9110.
     *
     * @param reason why, in a phrase for logs and tests (never sent to the client)
     * @return the refusal
     */
    public static HttpRefusal badRequest(String reason) {
        return new HttpRefusal(400, reason);
    }

    /**
     * The same refusal, of a request whose request line was read: it can be logged.
     *
     * @param requestLine the request line; {@code null} when it was not read
     * @return a refusal with that line; this one when it already has a line or none is given
     */
    public HttpRefusal of(RequestHead.Line requestLine) {
        return line != null || requestLine == null ? this : new HttpRefusal(status, getMessage(), requestLine);
    }

    /** {@return the status to answer, such as 400} */
    public int status() {
        return status;
    }

    /** {@return the request line of the refused request; {@code null} when it was not read} */
    public RequestHead.Line line() {
        return line;
    }
}
