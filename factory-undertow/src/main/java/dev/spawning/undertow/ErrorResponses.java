package dev.spawning.undertow;

import dev.spawning.factory.Response;

/**
 * The responses the server itself gives, instead of the app's. Each says {@code Connection:
 * close}: after a limit was broken or the app failed, the state of the connection is not worth
 * trusting with another request.
 */
final class ErrorResponses {

    private ErrorResponses() {
    }

    /**
     * 400 for a malformed request, 501 for an unsupported transfer coding, 413, 414 or 431 for one
     * over a limit; any other status gets the generic text of a 500.
     */
    static Response of(int status) {
        return text(status, switch (status) {
            case 400 -> "Bad Request";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            default -> "Internal Server Error";
        });
    }

    /** A 500; {@code detail} (the app's exception, when {@code debug} is on) follows the text. */
    static Response internalError(String detail) {
        return text(500, detail == null ? "Internal Server Error" : "Internal Server Error\n\n" + detail);
    }

    private static Response text(int status, String text) {
        return Response.builder(status)
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("Connection", "close")
                .body(text + "\n")
                .build();
    }
}
