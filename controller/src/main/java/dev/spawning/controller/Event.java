package dev.spawning.controller;

import dev.spawning.factory.ServerFigures;
import java.util.concurrent.CompletableFuture;

/**
 * What the controller's threads tell the supervisor, which alone acts on them, one at a time, on
 * the controller's main thread. Immutable.
 */
sealed interface Event {

    /** A worker reported READY over its new link. */
    record Ready(int id, Link link) implements Event {
    }

    /** A worker's heartbeat; {@code figures} is null from a server that does not count. */
    record Heard(int id, ServerFigures figures) implements Event {
    }

    /** A worker's drain report. */
    record Stopped(int id, String report) implements Event {
    }

    /** A worker's process ended. */
    record Exited(int id, int status) implements Event {
    }

    /** A signal: HUP, TERM, INT, TTIN or TTOU. */
    record Signalled(String name) implements Event {
    }

    /** A reload trigger other than a signal or a command: a changed file. */
    record Changed(String what) implements Event {
    }

    /** A command of {@code spawn ctl}, answered through {@code reply}. */
    record Command(String line, CompletableFuture<String> reply) implements Event {
    }
}
