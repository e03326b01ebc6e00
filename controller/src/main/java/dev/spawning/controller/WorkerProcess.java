package dev.spawning.controller;

import dev.spawning.factory.ServerFigures;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The controller's handle on one worker JVM: its process, generation, state, link and last
 * figures. Confined to the supervisor's thread, but for {@link #keep}, which the worker's stderr
 * pump calls under this object's monitor.
 */
final class WorkerProcess {

    /** What a worker is doing, as {@code spawn ctl status} shows it. */
    enum State {
        STARTING, READY, DRAINING;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final int TAIL_LINES = 20;

    final int id;
    final int generation;
    final Process process;
    final long startedNanos = System.nanoTime();
    State state = State.STARTING;
    Link link;
    ServerFigures figures = new ServerFigures(0, 0, 0);
    long heardNanos = System.nanoTime();
    long drainNanos;
    /** Killed by the controller (deadman, a start that took too long): its exit is a failure, not news. */
    String killedBecause;
    /** Its {@code max_requests} with jitter; 0 for never. */
    long requestLimit;
    /** Why it is being recycled (it drains once its replacement is ready); null when it is not. */
    String recycling;
    private final Deque<String> tail = new ArrayDeque<>();

    WorkerProcess(int id, int generation, Process process) {
        this.id = id;
        this.generation = generation;
        this.process = process;
    }

    long pid() {
        return process.pid();
    }

    /** Keeps the last lines of the worker's standard error, for a failed start's report. */
    synchronized void keep(String line) {
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }

    synchronized List<String> tail() {
        return List.copyOf(tail);
    }

    void drain(java.time.Duration grace) {
        state = State.DRAINING;
        drainNanos = System.nanoTime();
        if (link == null || !link.send(Link.drain(grace))) {
            process.destroy();
        }
    }

    @Override
    public String toString() {
        return "worker " + id + " (pid " + pid() + ", generation " + generation + ")";
    }
}
