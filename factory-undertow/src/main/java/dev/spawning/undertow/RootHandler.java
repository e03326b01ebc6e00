package dev.spawning.undertow;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.Executor;

/**
 * Undertow's root handler: counts the request, takes the head the connection's
 * {@link HeadScanner} decoded for it (or the refusal it decided on), checks the one limit that
 * needs the server's state of mind ({@code max_body_size} against a declared length), and hands
 * the exchange to an app thread. Nothing here blocks or allocates beyond the hand-over.
 *
 * <p>Threading: called by Undertow on the connection's IO thread, or, for a pipelined request,
 * on the app thread that finished the previous one. Immutable.
 */
final class RootHandler implements HttpHandler {

    private final AppCall.Served served;
    private final RequestLimits limits;
    private final Executor appThreads;

    RootHandler(AppCall.Served served, RequestLimits limits, Executor appThreads) {
        this.served = served;
        this.limits = limits;
        this.appThreads = appThreads;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        HeadFacts facts = served.tracker().exchangeStarted(exchange);
        int rejection = facts.refusal() != 0 ? facts.refusal() : limits.check(facts.head());
        // Runs once this method has returned and Undertow has let go of the exchange.
        exchange.dispatch(appThreads, new AppCall(served, exchange, facts, rejection));
    }
}
