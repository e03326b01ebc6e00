package dev.spawning.undertow;

import dev.spawning.factory.server.RequestHead;
import dev.spawning.factory.server.ServerSettings;

/**
 * The limit checked once a head is decoded and before the app runs, besides those the shared
 * decoder enforces while decoding (414, 431): a declared body over {@code max_body_size} is
 * answered with 413 without calling the app. Immutable; called on IO threads.
 */
final class RequestLimits {

    /** Status for a request the app never sees; 0 when the request is within every limit. */
    static final int WITHIN_LIMITS = 0;

    private final ServerSettings settings;

    RequestLimits(ServerSettings settings) {
        this.settings = settings;
    }

    /** 413 for a declared body over {@code max_body_size}, else {@link #WITHIN_LIMITS}. */
    int check(RequestHead head) {
        return settings.limitsBodySize() && head.contentLength() > settings.maxBodySize().bytes() ? 413 : WITHIN_LIMITS;
    }
}
