package dev.spawning.coroutine;

import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.spi.AccessLogSink;
import dev.spawning.factory.spi.ErrorResponses;
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

    private final Service service;
    private final SocketInput in;
    private final SocketOutput out;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;

    Exchange(Service service, SocketInput in, SocketOutput out, InetSocketAddress remote, InetSocketAddress local) {
        this.service = service;
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

    /**
     * Serves the request of {@code head}; true when the connection may carry another request.
     *
     * @throws HttpError when the declared body is over {@code max_body_size} (the app is not called)
     * @throws Cut when a streamed response failed part way
     */
    boolean serve(RequestHead head) throws IOException, HttpError {
        long maxBody = service.settings().maxBodySize().bytes();
        if (maxBody > 0 && head.contentLength() > maxBody) {
            throw new HttpError(413, "declared body over max_body_size");
        }
        AccessLogSink.Start start = service.accessLog().start();
        RequestBody body = body(head);
        Request request = request(head, body);
        Response response = answer(request, body);
        boolean close = mustClose(head, response, body);
        Sent sent = send(head, request, body, response, close);
        service.accessLog().log(start, request, sent.response().status(), sent.bytes(), sent.response().headers());
        return !close && sent.response() == response && body.drain(DRAIN_LIMIT);
    }

    /** The response that went out (the app's, or an error in its place) and its body bytes. */
    private record Sent(Response response, long bytes) {
    }

    private RequestBody body(RequestHead head) {
        ChunkedDecoder chunks = head.chunked() ? new ChunkedDecoder(in, HeadParser.fieldLineMax(service.settings()),
                new Fields(service.settings().maxHeaderCount(), service.settings().maxHeadersSize().bytes())) : null;
        RequestBody.Continue pending = head.expectContinue() && head.http11() ? this::sendContinue : null;
        return new RequestBody(in, chunks, Math.max(0, head.contentLength()),
                service.settings().bodyTimeout().toNanos(), service.settings().maxBodySize().bytes(), pending);
    }

    private void sendContinue() throws IOException {
        out.write(CONTINUE);
        out.flush();
    }

    private Request request(RequestHead head, RequestBody body) {
        return Request.builder()
                .method(head.method())
                .target(head.target())
                .version(head.version())
                .headers(head.headers())
                .remoteAddress(remote)
                .localAddress(local)
                .body(body)
                .trailers(body::trailers)
                .build();
    }

    private Response answer(Request request, RequestBody body) {
        try {
            Response response = service.app().handle(request);
            if (response == null) {
                throw new NullPointerException("The app returned no response");
            }
            return response;
        } catch (Exception | LinkageError | AssertionError | StackOverflowError failure) {
            return failed(request, body, failure);
        }
    }

    private Response failed(Request request, RequestBody body, Throwable failure) {
        BodyError error = BodyError.in(failure);
        if (error != null && body.broken()) {
            return ErrorResponses.of(error.status());
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
                || body.broken() || body.truncated() || body.continueWithheld()
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
                    if (stream.written() > 0 || out.sent() != sentBefore) {
                        throw cutOff(request, stream, failure);
                    }
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

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
