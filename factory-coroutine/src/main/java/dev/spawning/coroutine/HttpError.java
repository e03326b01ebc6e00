package dev.spawning.coroutine;

/**
 * A request the server refuses on its own, with the status to answer: malformed input (400), a
 * limit broken (413, 414, 431), a transfer coding it does not implement (501). The app never sees
 * such a request. Checked, because each caller must decide what the refusal does to its connection.
 */
final class HttpError extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    HttpError(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    static HttpError badRequest(String reason) {
        return new HttpError(400, reason);
    }

    int status() {
        return status;
    }
}
