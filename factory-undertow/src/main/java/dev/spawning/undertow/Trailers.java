package dev.spawning.undertow;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpAttachments;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.util.List;

/**
 * The trailer fields a chunked body may not carry (RFC 9110 section 6.5.1): those that frame or
 * route the message. Undertow hands any trailer on; a body whose trailers name one of these is
 * refused as malformed, since a peer that honours it would read a different message.
 */
final class Trailers {

    static final List<HttpString> FORBIDDEN = List.of(
            new HttpString("Content-Length"), new HttpString("Transfer-Encoding"), new HttpString("Host"));

    private Trailers() {
    }

    /** Fails when the trailers Undertow parsed at the end of the body name a forbidden field. */
    static void check(HttpServerExchange exchange) throws IOException {
        HeaderMap trailers = exchange.getAttachment(HttpAttachments.REQUEST_TRAILERS);
        if (trailers == null) {
            return;
        }
        for (HttpString name : FORBIDDEN) {
            if (trailers.contains(name)) {
                throw new IOException("Trailer field not allowed: " + name);
            }
        }
    }
}
