package dev.spawning.undertow;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.Executor;

/**
 * Undertow's root handler: counts the request, checks what Undertow leaves to us (the head's
 * form, then its limits), and hands the exchange to an app thread. Nothing here blocks or allocates beyond the hand-over.
 *
 * <p>Threading: called by Undertow on the connection's IO thread, or, for a pipelined request,
 * on the app thread that finished the previous one. Immutable.
 */
final class RootHandler implements HttpHandler {

    private final AppCall.Served served;
    private final HeadChecks checks;
    private final RequestLimits limits;
    private final Executor appThreads;

    RootHandler(AppCall.Served served, HeadChecks checks, RequestLimits limits, Executor appThreads) {
        this.served = served;
        this.checks = checks;
        this.limits = limits;
        this.appThreads = appThreads;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        HeadFacts facts = served.tracker().exchangeStarted(exchange);
        if (facts.target() != null) {
            exchange.putAttachment(Requests.TARGET_AS_SENT, facts.target());
        }
        int rejection = checks.check(exchange, facts);
        if (rejection == RequestLimits.WITHIN_LIMITS) {
            rejection = limits.check(exchange);
        }
        // Runs once this method has returned and Undertow has let go of the exchange.
        exchange.dispatch(appThreads, new AppCall(served, exchange, rejection));
    }
}
