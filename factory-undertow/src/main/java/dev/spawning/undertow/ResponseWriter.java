package dev.spawning.undertow;

import dev.spawning.factory.Header;
import dev.spawning.factory.Response;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Puts a {@link Response} on an exchange: status, headers, framing, body. Framing follows the
 * specification: bytes get {@code Content-Length}; a streamed body is chunked on HTTP/1.1 (also
 * when the connection closes after it, so that a cut-off body is visible as such) and
 * close-delimited on HTTP/1.0; HEAD, 1xx, 204 and 304 carry no body. Undertow adds {@code Date};
 * this class adds {@code Server} unless the app set one.
 *
 * <p>Stateless; called by the thread handling the request.
 */
final class ResponseWriter {

    static final String SERVER = "spawning-undertow";

    private ResponseWriter() {
    }

    /**
     * Sets the status and headers of {@code response} on {@code exchange}, replacing any set
     * before. {@code close}: answer with {@code Connection: close} and close after the response.
     */
    static void head(HttpServerExchange exchange, Response response, boolean close) {
        exchange.setStatusCode(response.status());
        // UndertowQuirks.RFC_2616_REASON_PHRASES: every provider sends RFC 9110's.
        exchange.setReasonPhrase(Response.reasonPhrase(response.status()));
        HeaderMap fields = exchange.getResponseHeaders();
        fields.clear();
        for (Header header : response.headers().asList()) {
            fields.add(HttpString.tryFromString(header.name()), header.value());
        }
        if (!fields.contains(Headers.SERVER)) {
            fields.put(Headers.SERVER, SERVER);
        }
        if (close) {
            exchange.setPersistent(false);
        }
        frame(exchange, response, fields);
    }

    /**
     * Writes the body, if this response has one on the wire. The caller closes {@code out}; a
     * streamed body's writer may close it first.
     */
    static void body(HttpServerExchange exchange, Response response, ResponseBody out) throws IOException {
        if (!hasBodyOnWire(exchange, response.status())) {
            return;
        }
        switch (response.body()) {
            case Response.Body.Bytes bytes -> out.write(bytes.data());
            case Response.Body.Streamed streamed -> streamed.writer().writeTo(out);
        }
    }

    /** The bytes of a body of known bytes that go on the wire: none for HEAD, 204 or 304. */
    static ByteBuffer bytesOnWire(HttpServerExchange exchange, Response response) {
        byte[] data = ((Response.Body.Bytes) response.body()).data();
        return hasBodyOnWire(exchange, response.status()) ? ByteBuffer.wrap(data) : ByteBuffer.allocate(0);
    }

    private static void frame(HttpServerExchange exchange, Response response, HeaderMap fields) {
        boolean bodyAllowed = bodyAllowed(response.status());
        switch (response.body()) {
            case Response.Body.Bytes bytes -> {
                fields.remove(Headers.TRANSFER_ENCODING);
                boolean headWithOwnLength = isHead(exchange) && bytes.data().length == 0
                        && fields.contains(Headers.CONTENT_LENGTH);
                if (!headWithOwnLength) {
                    fields.put(Headers.CONTENT_LENGTH, bytes.data().length);
                }
                if (exchange.isPersistent() && exchange.isHttp10()) {
                    fields.put(Headers.CONNECTION, Headers.KEEP_ALIVE.toString());
                }
            }
            case Response.Body.Streamed _ -> {
                fields.remove(Headers.CONTENT_LENGTH);
                fields.remove(Headers.TRANSFER_ENCODING);
                if (bodyAllowed && exchange.isHttp11()) {
                    fields.put(Headers.TRANSFER_ENCODING, Headers.CHUNKED.toString());
                }
            }
        }
    }

    private static boolean hasBodyOnWire(HttpServerExchange exchange, int status) {
        return bodyAllowed(status) && !isHead(exchange);
    }

    private static boolean bodyAllowed(int status) {
        return status >= 200 && status != 204 && status != 304;
    }

    private static boolean isHead(HttpServerExchange exchange) {
        return exchange.getRequestMethod().equals(Methods.HEAD);
    }
}
