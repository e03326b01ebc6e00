package dev.spawning.undertow;

import dev.spawning.factory.Headers;
import dev.spawning.factory.Request;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpAttachments;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;

/**
 * Adapts Undertow's parsed request head to the server-neutral {@link Request}.
 *
 * <p>What Undertow loses on the way, and so the app cannot see: the order of header fields of
 * different names (Undertow groups fields by name in a hash table; fields of one name keep their
 * order, and names keep their spelling). The target is taken as sent from the connection's
 * {@link HeadScanner}, since Undertow decodes a target with non-ASCII bytes and drops an empty
 * query ({@code /p?}).
 */
final class Requests {

    /** The request target as the client sent it, attached by {@link RootHandler} when known. */
    static final AttachmentKey<String> TARGET_AS_SENT = AttachmentKey.create(String.class);

    private Requests() {
    }

    /** The request of {@code exchange}, whose body is read through {@code body}. */
    static Request from(HttpServerExchange exchange, RequestBody body) {
        return Request.builder()
                .method(exchange.getRequestMethod().toString())
                .target(target(exchange))
                .scheme(exchange.getRequestScheme())
                .version(exchange.getProtocol().toString())
                .headers(headers(exchange.getRequestHeaders()))
                .remoteAddress(exchange.getSourceAddress())
                .localAddress(exchange.getDestinationAddress())
                .body(body)
                .trailers(() -> headers(exchange.getAttachment(HttpAttachments.REQUEST_TRAILERS)))
                .build();
    }

    /** The request target as sent; without the scanner's copy, Undertow's raw path and query. */
    static String target(HttpServerExchange exchange) {
        String sent = exchange.getAttachment(TARGET_AS_SENT);
        if (sent != null) {
            return sent;
        }
        String query = exchange.getQueryString();
        return query.isEmpty() ? exchange.getRequestURI() : exchange.getRequestURI() + "?" + query;
    }

    /** The request line as sent, for log messages and the URL length limit. */
    static String requestLine(HttpServerExchange exchange) {
        return exchange.getRequestMethod() + " " + target(exchange) + " " + exchange.getProtocol();
    }

    static Headers headers(HeaderMap fields) {
        if (fields == null || fields.size() == 0) {
            return Headers.empty();
        }
        Headers.Builder headers = Headers.builder();
        for (HeaderValues values : fields) {
            String name = values.getHeaderName().toString();
            for (String value : values) {
                headers.add(name, value);
            }
        }
        return headers.build();
    }
}
