package dev.spawning.factory.server;

import dev.spawning.factory.Headers;

/**
 * A request head as {@link HeadDecoder} read and checked it: the request line, the fields as
 * received, and what the fields say about framing and the connection.
 *
 * @param method         the method, an upper-case token
 * @param target         the request target exactly as sent (bytes read as ISO-8859-1)
 * @param http11         HTTP/1.1 (or a later 1.x, served as 1.1) rather than HTTP/1.0
 * @param headers        every field in order of arrival, values trimmed of surrounding whitespace
 * @param contentLength  the declared body length; -1 when there is none (or the body is chunked)
 * @param chunked        the body is chunked
 * @param closeAsked     the client sent {@code Connection: close}
 * @param keepAliveAsked the client sent {@code Connection: keep-alive}
 * @param expectContinue the client sent {@code Expect: 100-continue}
 */
public record RequestHead(String method, String target, boolean http11, Headers headers, long contentLength,
        boolean chunked, boolean closeAsked, boolean keepAliveAsked, boolean expectContinue) {

    /**
     * A request line and nothing else: what a refusal knows once the line was read. It asks for the
     * connection to close.
     *
     * @param line the request line
     * @return a head with no fields and no body
     */
    public static RequestHead of(Line line) {
        return new RequestHead(line.method(), line.target(), line.http11(), Headers.empty(), -1, false, true,
                false, false);
    }

    /** {@return {@code HTTP/1.1} or {@code HTTP/1.0}} */
    public String version() {
        return http11 ? "HTTP/1.1" : "HTTP/1.0";
    }

    /**
     * {@return whether the client lets the connection stay open after this request: on HTTP/1.1
     * unless it sent {@code Connection: close}, on HTTP/1.0 only if it sent
     * {@code Connection: keep-alive}}
     */
    public boolean clientKeepsAlive() {
        return http11 ? !closeAsked : keepAliveAsked && !closeAsked;
    }

    /** {@return whether a body follows the head: chunked, or a positive Content-Length} */
    public boolean hasBody() {
        return chunked || contentLength > 0;
    }

    /**
     * Whether the client waits for {@code 100 Continue} before it sends its body: it asked on
     * HTTP/1.1 and a body follows. Only then does a provider send one, on the app's first read.
     *
     * @return true when the client waits for {@code 100 Continue}
     */
    public boolean awaitsContinue() {
        return expectContinue && http11 && hasBody();
    }

    /** {@return whether the method is {@code HEAD}, whose response has no body} */
    public boolean isHead() {
        return method.equals("HEAD");
    }

    /** {@return the request line alone} */
    public Line line() {
        return new Line(method, target, http11);
    }

    /** {@return {@code METHOD TARGET VERSION}, for logs} */
    public String requestLine() {
        return method + " " + target + " " + version();
    }

    /**
     * A request line alone.
     *
     * @param method the method
     * @param target the target as sent
     * @param http11 HTTP/1.1 rather than HTTP/1.0 (a refused line of another version counts as 1.1)
     */
    public record Line(String method, String target, boolean http11) {

        /** {@return {@code HTTP/1.1} or {@code HTTP/1.0}} */
        public String version() {
            return http11 ? "HTTP/1.1" : "HTTP/1.0";
        }
    }
}
