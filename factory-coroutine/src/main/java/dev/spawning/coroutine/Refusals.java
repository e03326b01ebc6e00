package dev.spawning.coroutine;

import dev.spawning.factory.Response;

/**
 * The responses the server gives instead of the app's: a refused request (400, 408, 413, 414,
 * 431, 501) or a failed app (500). Each says {@code Connection: close}: after either, the state of
 * the connection is not worth trusting with another request.
 */
final class Refusals {

    private Refusals() {
    }

    /** The response for {@code status}, with its reason phrase as the text. */
    static Response of(int status) {
        return text(status, StatusLines.reason(status));
    }

    /** A 500; {@code detail} (the app's exception, when {@code debug} is on) follows the text. */
    static Response internalError(String detail) {
        String text = StatusLines.reason(500);
        return text(500, detail == null ? text : text + "\n\n" + detail);
    }

    private static Response text(int status, String text) {
        return Response.builder(status)
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("Connection", "close")
                .body(text + "\n")
                .build();
    }
}
