package dev.spawning.factory;

/**
 * An application: one call per request, on a thread of its own; blocking is allowed (a Comet
 * wait is plain blocking code).
 *
 * <pre>{@code
 * App hello = request -> Response.builder(200)
 *         .header("Content-Type", "text/plain; charset=utf-8")
 *         .body("Hello, " + request.pathInfo())
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface App {

    /**
     * Answers one request. An exception thrown here becomes a 500 response if nothing was sent yet,
     * or a cut connection if a streamed body was being written.
     *
     * @param request the request; its body may be read here, by this thread only
     * @return the response; {@code null} counts as a failure, as an exception does
     * @throws Exception any failure: the server answers 500 (with the exception's text when the
     *                   server's {@code debug} is on) and closes the connection
     */
    Response handle(Request request) throws Exception;
}
