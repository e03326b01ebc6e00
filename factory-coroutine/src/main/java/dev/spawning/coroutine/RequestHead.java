package dev.spawning.coroutine;

import dev.spawning.factory.Headers;

/**
 * A parsed and checked request head: the request line, the fields as received, and what the
 * fields say about framing and the connection.
 *
 * @param method         the method, upper case
 * @param target         the request target as sent
 * @param http11         HTTP/1.1 rather than HTTP/1.0
 * @param headers        every field in order of arrival, values trimmed of surrounding whitespace
 * @param contentLength  the declared body length; -1 when there is none
 * @param chunked        the body is chunked
 * @param closeAsked     the client sent {@code Connection: close}
 * @param keepAliveAsked the client sent {@code Connection: keep-alive}
 * @param expectContinue the client sent {@code Expect: 100-continue}
 */
record RequestHead(String method, String target, boolean http11, Headers headers, long contentLength,
        boolean chunked, boolean closeAsked, boolean keepAliveAsked, boolean expectContinue) {

    String version() {
        return http11 ? "HTTP/1.1" : "HTTP/1.0";
    }

    /** Whether the client lets the connection stay open after this request. */
    boolean clientKeepsAlive() {
        return http11 ? !closeAsked : keepAliveAsked && !closeAsked;
    }

    /** Whether a body follows the head. */
    boolean hasBody() {
        return chunked || contentLength > 0;
    }

    boolean isHead() {
        return method.equals("HEAD");
    }

    String requestLine() {
        return method + " " + target + " " + version();
    }

    /** A request line alone: what a refusal after it knows of the request. */
    record Line(String method, String target, boolean http11) {

        String version() {
            return http11 ? "HTTP/1.1" : "HTTP/1.0";
        }
    }
}
