package dev.spawning.undertow;

import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.server.AccessLogSink;
import dev.spawning.factory.server.AppCalls;
import dev.spawning.factory.server.ErrorResponses;
import dev.spawning.factory.server.ServerMetrics;
import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.lang.System.Logger.Level;

/**
 * One request on its app thread: adapts the exchange, runs the app, writes its response and
 * ends the exchange. Every outcome of the app is turned into a response here: a 500 (or 413 when
 * the body outgrew {@code max_body_size}) if it failed before the response started, a cut
 * connection if it failed while streaming.
 *
 * <p>Threading: {@link #run} is the whole life of the request on its app thread (a virtual thread,
 * or a pool thread when {@code threads} is set); it may block in the app, in body reads and in
 * writes. It touches the exchange only after the IO thread handed it over, and hands it back to
 * that IO thread to end it, touching it no more.
 */
final class AppCall implements Runnable {

    private final Served served;
    private final HttpServerExchange exchange;
    private final HeadFacts facts;
    private final int rejection;
    /** A body of known bytes, written by the IO thread when the exchange ends; null when none is left to write. */
    private ByteBuffer bytesToSend;

    /**
     * @param facts     the head as the client sent it
     * @param rejection the status to answer without calling the app, or
     *                  {@link RequestLimits#WITHIN_LIMITS}
     */
    AppCall(Served served, HttpServerExchange exchange, HeadFacts facts, int rejection) {
        this.served = served;
        this.exchange = exchange;
        this.facts = facts;
        this.rejection = rejection;
    }

    /** What every call of one server shares: the app, the settings it needs, the log and counts. */
    record Served(App app, boolean keepAlive, boolean debug, long bodyTimeoutNanos, long maxBodyBytes,
            ConnectionTracker tracker, AccessLogSink accessLog) {
    }

    @Override
    public void run() {
        AccessLogSink.Start start = served.accessLog().start();
        long began = started();
        RequestBody body = new RequestBody(exchange, facts, served.bodyTimeoutNanos(), served.maxBodyBytes());
        ResponseBody out = new ResponseBody(exchange);
        Request request = null;
        Response sent = null;
        try {
            request = Requests.from(exchange, facts, body, served.tracker().stopBegun(),
                    served.tracker().forwarding());
            sent = send(request, respond(request, body), body, out);
        } finally {
            body.release();
            served.tracker().responseFinished(exchange);
            facts.answer();
            int status = exchange.getStatusCode();
            long written = bytesToSend != null ? bytesToSend.remaining() : out.written();
            // A call that broke before any response is answered 500 by end().
            recorded(began, sent == null && !exchange.isResponseStarted() ? 500 : status, body, written);
            end(sent);
            if (sent != null && facts.lineRead()) {
                served.accessLog().log(start, request, status, written, sent.headers());
            }
        }
    }

    private Response respond(Request request, RequestBody body) {
        if (rejection == RequestLimits.WITHIN_LIMITS) {
            return answer(request, body);
        }
        return facts.refusal() != 0 ? ErrorResponses.of(rejection) : refusedInFlight(rejection);
    }

    /**
     * Records the request in the server's metrics: one its scanner refused was never in flight
     * ({@link ServerMetrics#requestRefused}); any other ends here.
     */
    private void recorded(long began, int status, RequestBody body, long written) {
        String method = facts.lineRead() ? facts.head().method() : null;
        if (facts.refusal() != 0) {
            metrics().requestRefused(began, method, status, written);
        } else {
            metrics().requestEnded(began, method, status, body.delivered(), written);
        }
    }

    /**
     * The start of the request for its duration: now, the head handed over (read only when metrics
     * are kept); it counts as in flight from now on unless the scanner refused its head.
     */
    private long started() {
        if (!metrics().enabled()) {
            return 0;
        }
        if (facts.refusal() == 0) {
            metrics().requestStarted();
        }
        return System.nanoTime();
    }

    private ServerMetrics metrics() {
        return served.tracker().metrics();
    }

    /** The server answers in the app's place: a body over {@code max_body_size}, too slow or malformed. */
    private Response refusedInFlight(int status) {
        metrics().refusedInFlight(status);
        return ErrorResponses.of(status);
    }

    /**
     * Hands the exchange back to its IO thread to end it: Undertow writes a body of known bytes
     * and the end of the response there (without blocking), and readies the connection for its
     * next request. If this call broke before anything was sent, Undertow sends a bare 500.
     *
     * <p>Completed on this thread (as writing the last of a Content-Length body completes it),
     * the exchange would have Undertow resume the connection's reads from here while holding its
     * request state: the IO thread, woken by the client's next request, spins on that state until
     * this thread lets go, which on a busy machine means until the OS runs this thread again
     * (measured: most of the IO threads' time).
     */
    private void end(Response sent) {
        if (sent == null && !exchange.isResponseStarted()) {
            exchange.setStatusCode(500).setPersistent(false);
        }
        ByteBuffer bytes = bytesToSend;
        exchange.getIoThread().execute(() -> {
            if (facts.bodyRefused() && !exchange.isRequestComplete()) {
                // Nothing to drain: a drain would fail and close before the response is written.
                Connectors.terminateRequest(exchange);
            }
            if (bytes != null && bytes.hasRemaining()) {
                exchange.getResponseSender().send(bytes);
            } else {
                exchange.endExchange();
            }
        });
    }

    private Response answer(Request request, RequestBody body) {
        return AppCalls.answer(served.app(), request, failure -> failed(request, body, failure));
    }

    private Response failed(Request request, RequestBody body, Throwable failure) {
        if (body.tooLarge()) {
            return refusedInFlight(413);
        }
        if (body.timedOut()) {
            return refusedInFlight(408);
        }
        if (body.malformed()) {
            UndertowServer.LOG.log(Level.DEBUG, "Malformed body in \"" + requestLine(request) + "\"", failure);
            return refusedInFlight(400);
        }
        UndertowServer.LOG.log(Level.ERROR, "The app failed on \"" + requestLine(request) + "\"", failure);
        return ErrorResponses.internalError(served.debug() ? stackTrace(failure) : null);
    }

    /**
     * Sends {@code response}, or an error in its place; returns what was sent. A body of known
     * bytes is left for the IO thread to write ({@link #end}); a streamed one is written here.
     */
    private Response send(Request request, Response response, RequestBody body, ResponseBody out) {
        ResponseWriter.head(exchange, response, mustClose(body));
        if (response.body() instanceof Response.Body.Bytes) {
            bytesToSend = ResponseWriter.bytesOnWire(exchange, response);
            return response;
        }
        try {
            ResponseWriter.body(exchange, response, out);
            out.close();
            return response;
        } catch (Exception | LinkageError | AssertionError | StackOverflowError failure) {
            if (out.started()) {
                cutOff(request, out, failure);
                return response;
            }
            out.discard();
            Response error = failed(request, body, failure);
            sendError(error);
            return error;
        }
    }

    /** The response could not even start: the error goes in its place, written when the exchange ends. */
    private void sendError(Response error) {
        ResponseWriter.head(exchange, error, true);
        bytesToSend = ResponseWriter.bytesOnWire(exchange, error);
    }

    /** The response started: the only honest end is a cut connection (a truncated body). */
    private void cutOff(Request request, ResponseBody out, Throwable failure) {
        Level level = out.clientGone() ? Level.DEBUG : Level.ERROR;
        UndertowServer.LOG.log(level, "Response to \"" + requestLine(request) + "\" cut off after "
                + out.written() + " body bytes", failure);
        out.abort();
    }

    /**
     * Whether the connection must close after this response: keep-alive is off, the server is
     * stopping, the body broke, or the client still waits to send a body it was never asked for.
     */
    private boolean mustClose(RequestBody body) {
        return !served.keepAlive() || served.tracker().stopping() || rejection != RequestLimits.WITHIN_LIMITS
                || body.broken() || facts.bodyRefused() || body.continueWithheld() || body.tooMuchLeftToDrain();
    }



    private static String requestLine(Request request) {
        return request.method() + " " + request.target() + " " + request.version();
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
