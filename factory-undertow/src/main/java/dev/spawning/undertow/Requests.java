package dev.spawning.undertow;

import dev.spawning.factory.Request;
import dev.spawning.factory.server.RequestHead;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The server-neutral {@link Request} of an exchange: its head exactly as the client sent it (as
 * {@link HeadScanner} decoded it: method, target, version, every field in order of arrival),
 * Undertow's view of the connection's addresses and scheme, the body as the app reads it, and the
 * trailers once the body has ended.
 */
final class Requests {

    private Requests() {
    }

    /**
     * The request of {@code exchange}, whose head is {@code facts}' and whose body is read through
     * {@code body}; {@code stopBegun} completes when the server begins to stop.
     */
    static Request from(HttpServerExchange exchange, HeadFacts facts, RequestBody body,
            CompletionStage<Void> stopBegun) {
        RequestHead head = facts.head();
        return Request.builder()
                .method(head.method())
                .target(head.target())
                .scheme(exchange.getRequestScheme())
                .version(head.version())
                .headers(head.headers())
                .remoteAddress(exchange.getSourceAddress())
                .localAddress(exchange.getDestinationAddress())
                .clientCertificates(exchange.getConnection().getSslSessionInfo() == null ? List.of()
                        : TlsWrapping.clientCertificates(exchange.getConnection().getSslSessionInfo().getSSLSession()))
                .body(body)
                .trailers(facts::trailers)
                .serverStopping(stopBegun)
                .build();
    }
}
