package dev.spawning.coroutine;

import dev.spawning.factory.Headers;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.server.AccessLogSink;
import dev.spawning.factory.server.AppCalls;
import dev.spawning.factory.server.ErrorResponses;
import dev.spawning.factory.server.HttpRefusal;
import dev.spawning.factory.server.RequestHead;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * One request from its parsed head to the end of its response: the body stream, the app, the
 * response head and body, the access log line. Every outcome of the app becomes a response here:
 * its own, a 500 (or the body's error status, such as 413) if it failed before the response
 * started, a cut connection if it failed while streaming.
 *
 * <p>Threading: {@link #serve} runs on the connection's virtual thread, or on a pool thread when
 * {@code threads} is set; it may block in the app, in body reads and in writes.
 */
final class Exchange {

    /** At most this many unread body bytes are read and dropped to keep the connection open. */
    static final long DRAIN_LIMIT = 64 * 1024;

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Stands for a request refused before its request line could be read: answered in HTTP/1.1. */
    private static final RequestHead UNREAD = new RequestHead("GET", "/", true, Headers.empty(), -1,
            false, true, false, false);

    private final Service service;
    private final SocketInput in;
    private final SocketOutput out;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final TlsChannel tls;

    /** @param tls the connection's TLS, or null over plain HTTP */
    Exchange(Service service, SocketInput in, SocketOutput out, InetSocketAddress remote, InetSocketAddress local,
            TlsChannel tls) {
        this.service = service;
        this.tls = tls;
        this.in = in;
        this.out = out;
        this.remote = remote;
        this.local = local;
    }

    /** The streamed response failed after part of it was sent: the connection must be cut. */
    static final class Cut extends IOException {

        private static final long serialVersionUID = 1L;

        Cut(Throwable cause) {
            super(cause);
        }
    }

    /** What becomes of the connection after a request. */
    enum After {
        /** The connection may carry another request. */
        KEEP_ALIVE,
        /** The connection closes. */
        CLOSE,
        /**
         * The connection closes with body bytes the client may still be sending: it must stop
         * sending first and read what comes for a moment, or the close would reset the connection
         * and the client might lose the response.
         */
        CLOSE_GENTLY
    }

    /**
     * Serves the request of {@code head}: the app's answer, or a 413 without calling the app when
     * the declared body is over {@code max_body_size} (no {@code 100 Continue} is sent then).
     *
     * @param begunNanos when the server began reading the head, for its duration
     * @throws Cut when a streamed response failed part way
     */
    After serve(RequestHead head, long begunNanos) throws IOException {
        AccessLogSink.Start start = service.accessLog().start();
        service.metrics().requestStarted();
        RequestBody body = body(head);
        Request request = request(head, body);
        long maxBody = service.settings().maxBodySize().bytes();
        Response response = maxBody > 0 && head.contentLength() > maxBody
                ? refusedInFlight(413)
                : answer(request, body);
        int status = response.status();
        long bytes = 0;
        try {
            boolean close = mustClose(head, response, body);
            Sent sent = send(head, request, body, response, close);
            status = sent.response().status();
            bytes = sent.bytes();
            service.accessLog().log(start, request, status, bytes, sent.response().headers());
            if (!close && sent.response() == response && body.drain(DRAIN_LIMIT)) {
                return After.KEEP_ALIVE;
            }
            return body.complete() || body.broken() ? After.CLOSE : After.CLOSE_GENTLY;
        } finally {
            // Once, whatever happened: a response cut off part way counts with the status it began with.
            service.metrics().requestEnded(begunNanos, head.method(), status, body.delivered(), bytes);
        }
    }

    /**
     * Answers a request the server refuses before any app sees it (malformed, over a limit, too
     * slow), and logs it when its request line was read.
     *
     * @param begunNanos when the server began reading its head, for its duration
     */
    void refuse(HttpRefusal refused, long begunNanos) throws IOException {
        AccessLogSink.Start start = service.accessLog().start();
        RequestHead.Line line = refused.line();
        RequestHead head = line == null ? UNREAD : RequestHead.of(line);
        Response refusal = ErrorResponses.of(refused.status());
        ResponseWriter.head(out, head, refusal, true);
        long bytes = ResponseWriter.bytes(out, head, refusal, ((Response.Body.Bytes) refusal.body()).data());
        out.flush();
        service.metrics().requestRefused(begunNanos, line == null ? null : line.method(), refusal.status(), bytes);
        if (line != null) {
            Request request = Request.builder().method(line.method()).target(line.target()).version(line.version())
                    .scheme(scheme()).remoteAddress(remote).localAddress(local).build();
            service.accessLog().log(start, request, refusal.status(), bytes, refusal.headers());
        }
    }

    /** The response that went out (the app's, or an error in its place) and its body bytes. */
    private record Sent(Response response, long bytes) {
    }

    private RequestBody body(RequestHead head) {
        ChunkedDecoder chunks = head.chunked() ? new ChunkedDecoder(in, service.settings()) : null;
        RequestBody.Continue pending = head.awaitsContinue() ? this::sendContinue : null;
        return new RequestBody(in, chunks, Math.max(0, head.contentLength()),
                service.settings().bodyTimeout().toNanos(), service.settings().maxBodySize().bytes(), pending);
    }

    private void sendContinue() throws IOException {
        out.write(CONTINUE);
        out.flush();
    }

    /** The request as the app sees it: forwarding fields from a trusted peer applied. */
    private Request request(RequestHead head, RequestBody body) {
        Request.Builder request = Request.builder()
                .method(head.method())
                .target(head.target())
                .version(head.version())
                .headers(head.headers())
                .remoteAddress(remote)
                .localAddress(local)
                .body(body)
                .trailers(body::trailers)
                .serverStopping(service.stopBegun());
        if (tls != null) {
            request.scheme("https").clientCertificates(tls.peerCertificates());
        }
        return service.forwarding().apply(request.build());
    }

    private String scheme() {
        return tls == null ? "http" : "https";
    }

    private Response answer(Request request, RequestBody body) {
        return AppCalls.answer(service.app(), request, failure -> failed(request, body, failure));
    }

    private Response failed(Request request, RequestBody body, Throwable failure) {
        BodyError error = BodyError.in(failure);
        if (error != null && body.broken()) {
            return refusedInFlight(error.status());
        }
        Service.LOG.log(Level.ERROR, "The app failed on \"" + request + "\"", failure);
        return ErrorResponses.internalError(service.settings().debug() ? stackTrace(failure) : null);
    }

    /**
     * Whether the connection closes after this response: keep-alive is off, the server is
     * stopping, the client asked, the app asked, the body broke, the client still waits to send a
     * body it was never asked for, too much body is left to drain (a chunked body of unknown
     * length counts as too much, as on Undertow), or the response is close-delimited.
     */
    private boolean mustClose(RequestHead head, Response response, RequestBody body) {
        return !service.settings().keepAlive() || service.stopping() || !head.clientKeepsAlive()
                || body.broken() || body.continueWithheld()
                || body.tooMuchLeftToDrain(DRAIN_LIMIT)
                || ResponseWriter.closeDelimited(head, response) || ResponseWriter.appCloses(response);
    }

    /** Writes the response, or an error in its place if it fails before any of it is sent. */
    private Sent send(RequestHead head, Request request, RequestBody body, Response response, boolean close)
            throws IOException {
        int mark = out.buffered();
        long sentBefore = out.sent();
        ResponseBodies.Mode mode = ResponseWriter.head(out, head, response, close);
        return switch (response.body()) {
            case Response.Body.Bytes bytes -> new Sent(response, ResponseWriter.bytes(out, head, response, bytes.data()));
            case Response.Body.Streamed streamed -> {
                ResponseBodies stream = new ResponseBodies(out, mode);
                try {
                    if (mode != ResponseBodies.Mode.NONE) {
                        streamed.writer().writeTo(stream);
                    }
                    stream.close();
                    yield new Sent(response, stream.written());
                } catch (Exception | LinkageError | AssertionError | StackOverflowError failure) {
                    if (out.sent() != sentBefore) {
                        // Bytes reached the client: the only honest end is a cut connection.
                        throw cutOff(request, stream, failure);
                    }
                    // Nothing was sent: what the app wrote is dropped, and the error goes out instead.
                    out.truncate(mark);
                    Response error = failed(request, body, failure);
                    ResponseWriter.head(out, head, error, true);
                    yield new Sent(error, ResponseWriter.bytes(out, head, error, ((Response.Body.Bytes) error.body()).data()));
                }
            }
        };
    }

    /** The response started: the only honest end is a cut connection (a truncated body). */
    private Cut cutOff(Request request, ResponseBodies stream, Throwable failure) {
        Service.LOG.log(failure instanceof IOException ? Level.DEBUG : Level.ERROR,
                "Response to \"" + request + "\" cut off after " + stream.written() + " body bytes", failure);
        return new Cut(failure);
    }

    /** The server answers in the app's place: a body over {@code max_body_size}, too slow or malformed. */
    private Response refusedInFlight(int status) {
        service.metrics().refusedInFlight(status);
        return ErrorResponses.of(status);
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
