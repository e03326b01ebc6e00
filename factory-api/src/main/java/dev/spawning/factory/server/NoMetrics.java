package dev.spawning.factory.server;

import java.util.Optional;

/** {@link ServerMetrics#off()}: records nothing. Stateless. */
final class NoMetrics implements ServerMetrics {

    static final NoMetrics INSTANCE = new NoMetrics();

    private NoMetrics() {
    }

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public void connectionOpened() {
        // off
    }

    @Override
    public void connectionClosed() {
        // off
    }

    @Override
    public void requestStarted() {
        // off
    }

    @Override
    public void requestEnded(long startNanos, String method, int status, long receivedBytes, long sentBytes) {
        // off
    }

    @Override
    public void refusedInFlight(int status) {
        // off
    }

    @Override
    public void requestRefused(long startNanos, String method, int status, long sentBytes) {
        // off
    }

    @Override
    public Optional<String> scrape() {
        return Optional.empty();
    }
}
