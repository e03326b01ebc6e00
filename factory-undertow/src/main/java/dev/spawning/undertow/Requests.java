package dev.spawning.undertow;

import dev.spawning.factory.Request;
import dev.spawning.factory.server.ForwardedHeaders;
import dev.spawning.factory.server.RequestHead;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The server-neutral {@link Request} of an exchange: its head exactly as the client sent it (as
 * {@link HeadScanner} decoded it: method, target, version, every field in order of arrival),
 * Undertow's view of the connection's addresses and scheme (the client a PROXY header named in
 * place of the peer), the body as the app reads it, and the trailers once the body has ended;
 * then the forwarding fields of a trusted peer applied.
 */
final class Requests {

    /** The client the connection's PROXY header named, on each exchange of such a connection. */
    static final AttachmentKey<InetSocketAddress> PROXIED_CLIENT = AttachmentKey.create(InetSocketAddress.class);

    private Requests() {
    }

    /**
     * The request of {@code exchange}, whose head is {@code facts}' and whose body is read through
     * {@code body}; {@code stopBegun} completes when the server begins to stop; {@code forwarding}
     * applies the forwarding fields of a trusted peer.
     */
    static Request from(HttpServerExchange exchange, HeadFacts facts, RequestBody body,
            CompletionStage<Void> stopBegun, ForwardedHeaders forwarding) {
        RequestHead head = facts.head();
        InetSocketAddress proxied = exchange.getAttachment(PROXIED_CLIENT);
        return forwarding.apply(Request.builder()
                .method(head.method())
                .target(head.target())
                .scheme(exchange.getRequestScheme())
                .version(head.version())
                .headers(head.headers())
                .remoteAddress(proxied != null ? proxied : exchange.getSourceAddress())
                .localAddress(exchange.getDestinationAddress())
                .clientCertificates(exchange.getConnection().getSslSessionInfo() == null ? List.of()
                        : TlsWrapping.clientCertificates(exchange.getConnection().getSslSessionInfo().getSSLSession()))
                .body(body)
                .trailers(facts::trailers)
                .serverStopping(stopBegun)
                .build());
    }
}
