package dev.spawning.controller;

import dev.spawning.factory.Server;

/**
 * A worker's metrics on its link: sent with each heartbeat and once more, the last, after the
 * drain, so that the controller's retired total holds every request the worker served.
 *
 * <p>Thread-safe: the heartbeat thread calls {@link #send}, the main thread {@link #sendLast};
 * both under this object's monitor, so no heartbeat's older text follows the last one.
 */
final class MetricsReport {

    private final Server server;
    private final Link link;
    private boolean done;

    MetricsReport(Server server, Link link) {
        this.server = server;
        this.link = link;
    }

    /** Sends the server's metrics, if it keeps any, unless the last have been sent. */
    synchronized void send() {
        if (!done) {
            server.metrics().ifPresent(text -> link.send(Link.metrics(text)));
        }
    }

    /** Sends the server's metrics one last time. */
    synchronized void sendLast() {
        send();
        done = true;
    }
}
