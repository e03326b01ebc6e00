package dev.spawning.coroutine;

import java.io.IOException;

/**
 * A request body that broke while the app read it: malformed chunking (400), more than
 * {@code max_body_size} (413), or no bytes for {@code body_timeout}. The app sees an
 * {@link IOException}; if it lets the exception escape before answering, the server answers with
 * {@link #status()} instead of a 500, because the fault is the client's.
 */
final class BodyError extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    BodyError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    /** The body error in {@code failure}'s chain of causes, or {@code null}. */
    static BodyError in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyError error) {
                return error;
            }
        }
        return null;
    }
}
