package dev.spawning.factory.server;

import java.time.Duration;

/**
 * How every provider drains on {@link dev.spawning.factory.Server#stop}, so that a reload drops no
 * request: it stops accepting at once; a request in progress finishes and is answered with
 * {@code Connection: close}; a connection accepted whose first request has not come yet is given
 * until that request (at most {@code header_timeout}) and it is answered with
 * {@code Connection: close}; an idle keep-alive connection is given {@link #IDLE_WINDOW} for a next
 * request, answered with {@code Connection: close}, and closed if none comes. Past the grace period
 * what is left is cut off.
 */
public final class Drain {

    /**
     * How long a draining server keeps an idle keep-alive connection open for a request that may be
     * on its way: closing it at the instant its client sends would drop that request. A client that
     * sends later finds the connection closed before it sent, which HTTP clients retry.
     */
    public static final Duration IDLE_WINDOW = Duration.ofSeconds(1);

    private Drain() {
    }
}
