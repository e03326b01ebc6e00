package dev.spawning.factory.server;

import java.io.IOException;
import java.net.BindException;

/**
 * Names the address in a failure to bind it, so that every provider says the same thing:
 * {@code Address already in use: 127.0.0.1:8080}.
 */
public final class BindFailures {

    private BindFailures() {
    }

    /**
     * {@code failed} again, of the same kind (a {@link BindException} stays one), with the address.
     *
     * @param settings the settings whose {@code host} and {@code port} could not be bound
     * @param failed   the failure to bind
     * @return an exception whose message is {@code failed}'s followed by the address (an IPv6
     *         host in brackets), with {@code failed} as its cause
     */
    public static IOException named(ServerSettings settings, Exception failed) {
        String address = settings.host().contains(":")
                ? "[" + settings.host() + "]:" + settings.port()
                : settings.host() + ":" + settings.port();
        String reason = failed.getMessage() != null ? failed.getMessage() : failed.getClass().getSimpleName();
        IOException named = failed instanceof BindException
                ? new BindException(reason + ": " + address)
                : new IOException(reason + ": " + address);
        named.initCause(failed);
        return named;
    }
}
