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
     */
    Response handle(Request request) throws Exception;
}
