package dev.spawning.undertow;

import dev.spawning.factory.ServerSettings;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;

/**
 * The limits Undertow does not enforce with the status the specification asks for, checked once
 * Undertow has parsed the request head and before the app runs. Undertow's own head limit
 * ({@link ServerOptions#headBackstop}) is the sum of these, so a head within it reaches this
 * check; beyond it Undertow answers a bare 400 itself.
 *
 * <p>Header sizes are measured as {@code name: value} plus CRLF, from the parsed fields (the
 * whitespace Undertow trimmed is not counted); whether a line is too long is the settings' rule
 * ({@link ServerSettings#headerLineTooLong}), shared by every provider. Immutable; called on IO threads.
 */
final class RequestLimits {

    /** Status for a request the app never sees; 0 when the request is within every limit. */
    static final int WITHIN_LIMITS = 0;

    private final ServerSettings settings;

    RequestLimits(ServerSettings settings) {
        this.settings = settings;
    }

    /** 414, 431 or 413 for a request over a limit, else {@link #WITHIN_LIMITS}. */
    int check(HttpServerExchange exchange) {
        if (Requests.requestLine(exchange).length() > settings.urlLengthLimit()) {
            return 414;
        }
        if (headersTooLarge(exchange)) {
            return 431;
        }
        if (declaredBodyTooLarge(exchange)) {
            return 413;
        }
        return WITHIN_LIMITS;
    }

    private boolean headersTooLarge(HttpServerExchange exchange) {
        long total = 0;
        for (HeaderValues values : exchange.getRequestHeaders()) {
            int nameLength = values.getHeaderName().length();
            for (String value : values) {
                int line = nameLength + 2 + value.length();
                if (settings.headerLineTooLong(line)) {
                    return true;
                }
                total += line + 2;
            }
        }
        return total > settings.maxHeadersSize().bytes();
    }

    private boolean declaredBodyTooLarge(HttpServerExchange exchange) {
        if (!settings.limitsBodySize()) {
            return false;
        }
        long declared = exchange.getRequestContentLength();
        return declared > settings.maxBodySize().bytes();
    }
}
