package dev.spawning.undertow;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.Protocols;

/**
 * The checks of a request head that Undertow leaves undone or does differently, made once it has
 * parsed the head and before the app runs: a missing {@code Host} ({@code require_host}), a
 * folded header line, chunked framing on HTTP/1.0, and a repeated {@code Content-Type} are
 * answered with 400; a transfer coding other than {@code chunked} alone (such as
 * {@code gzip, chunked}, which Undertow would de-chunk and hand on still compressed) with 501.
 * Each response closes the connection. With {@code require_host = false} the {@code Host} field that
 * {@link HeadScanner} inserted for Undertow's sake is removed here, so the app sees the head as
 * sent.
 *
 * <p>Immutable; called on the thread that parsed the head.
 */
final class HeadChecks {

    static final int BAD_REQUEST = 400;
    static final int NOT_IMPLEMENTED = 501;

    private final boolean requireHost;

    HeadChecks(boolean requireHost) {
        this.requireHost = requireHost;
    }

    /** 400 for a head that must be refused, else {@link RequestLimits#WITHIN_LIMITS}. */
    int check(HttpServerExchange exchange, HeadFacts facts) {
        if (facts.hostInserted()) {
            if (requireHost) {
                return BAD_REQUEST;
            }
            exchange.getRequestHeaders().remove(Headers.HOST);
        }
        if (facts.folded() || chunkedOnHttp10(exchange) || exchange.getRequestHeaders().count(Headers.CONTENT_TYPE) > 1) {
            return BAD_REQUEST;
        }
        return otherCodings(exchange) ? NOT_IMPLEMENTED : RequestLimits.WITHIN_LIMITS;
    }

    /** True when Transfer-Encoding names any coding besides one final {@code chunked}. */
    private static boolean otherCodings(HttpServerExchange exchange) {
        HeaderValues codings = exchange.getRequestHeaders().get(Headers.TRANSFER_ENCODING);
        return codings != null && (codings.size() > 1 || !codings.getFirst().strip().equalsIgnoreCase("chunked"));
    }

    /** RFC 9112 section 6.1: chunked is an HTTP/1.1 coding; on 1.0 the framing is unknowable. */
    private static boolean chunkedOnHttp10(HttpServerExchange exchange) {
        return exchange.getProtocol().equals(Protocols.HTTP_1_0)
                && exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
    }
}
