package dev.spawning.factory.server;

import dev.spawning.factory.Response;

/**
 * The responses a server gives in place of an app's: a refused request (400, 408, 413, 414, 431,
 * 501) or a failed app (500), the same on every provider. The text is the status's reason phrase
 * ({@link Response#reasonPhrase}). Each says {@code Connection: close}: after a limit was broken
 * or the app failed, the state of the connection is not worth trusting with another request.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    /**
     * The response for {@code status}, with its reason phrase as the text.
     *
     * @param status the status, such as 414
     * @return a {@code text/plain} response that closes the connection
     */
    public static Response of(int status) {
        return text(status, Response.reasonPhrase(status));
    }

    /**
     * A 500; {@code detail} (the app's exception, when {@code debug} is on) follows the text.
     *
     * @param detail text after the reason phrase and an empty line; {@code null} for none
     * @return a {@code text/plain} response that closes the connection
     */
    public static Response internalError(String detail) {
        String text = Response.reasonPhrase(500);
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
