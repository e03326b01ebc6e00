package dev.spawning.controller;

import dev.spawning.controller.WorkerProcess.State;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The controller's state machine: the workers of each generation, reloads, crash replacement,
 * the deadman, stops. Runs on the controller's main thread only, which takes one {@link Event} at
 * a time from the queue that every other thread writes to, and checks its timers between events.
 */
final class Supervisor {

    private static final Duration TICK = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** What a drain may take beyond its grace before its worker is killed. */
    private static final Duration DRAIN_SLACK = Duration.ofSeconds(5);

    private final ControllerSettings settings;
    private final WorkerLauncher launcher;
    private final BlockingQueue<Event> events;
    private final PrintWriter out;
    private final PrintWriter err;
    private final String url;
    private final ControllerProbes probes;
    /** The operations listener's URL, printed after {@code Serving on}; null without {@code metrics_bind}. */
    private final String metricsUrl;
    private final Map<Integer, WorkerProcess> workers = new LinkedHashMap<>();
    private final Reloads reloads = new Reloads();
    private final Recycling recycling;
    private int processes;
    private int nextId = 1;
    private int nextGeneration = 1;
    private int serving;
    private boolean announced;
    private int crashes;
    private long restartAfterNanos;
    private Integer exitStatus;
    private long stopDeadlineNanos;
    private String failure;

    Supervisor(ControllerSettings settings, WorkerLauncher launcher, BlockingQueue<Event> events, PrintWriter out,
            PrintWriter err, String url, ControllerProbes probes, String metricsUrl) {
        this.settings = settings;
        this.launcher = launcher;
        this.events = events;
        this.out = out;
        this.err = err;
        this.url = url;
        this.probes = probes;
        this.metricsUrl = metricsUrl;
        this.processes = settings.processes();
        this.recycling = new Recycling(settings);
    }

    /** Serves until stopped; {@return the exit status} */
    int run() throws InterruptedException {
        serving = nextGeneration++;
        launch(serving, processes);
        while (exitStatus == null || !workers.isEmpty()) {
            Event event = events.poll(TICK.toMillis(), TimeUnit.MILLISECONDS);
            if (event != null) {
                handle(event);
            }
            tick();
            probes.publish(Optional.ofNullable(notReady()));
        }
        if (failure != null) {
            throw new ControllerException(failure);
        }
        return exitStatus;
    }

    private void handle(Event event) {
        switch (event) {
            case Event.Ready ready -> ready(ready);
            case Event.Heard heard -> heard(heard);
            case Event.Stopped stopped -> log(worker(stopped.id()) + " drained: " + stopped.report());
            case Event.Exited exited -> exited(exited);
            case Event.Signalled signal -> signalled(signal.name());
            case Event.Changed changed -> reload(changed.what());
            case Event.Command command -> command.reply().complete(command(command.line()));
        }
    }

    private void ready(Event.Ready ready) {
        WorkerProcess worker = workers.get(ready.id());
        if (worker == null) {
            ready.link().close();
            return;
        }
        worker.link = ready.link();
        worker.heardNanos = System.nanoTime();
        if (worker.state == State.DRAINING || exitStatus != null) {
            worker.drain(exitStatus != null && exitStatus != 0 ? Duration.ZERO : settings.gracefulTimeout());
            return;
        }
        worker.state = State.READY;
        launcher.ready();
        if (worker.generation == serving) {
            crashes = 0;
        }
        if (!announced && readyCount(serving) >= processes) {
            announced = true;
            out.println("Serving on " + url);
            if (metricsUrl != null) {
                out.println("Metrics on " + metricsUrl);
            }
            out.flush();
            followUp();
        }
        if (reloads.generation() == worker.generation && !reloads.tookOver()
                && readyCount(worker.generation) >= processes) {
            takeOver();
        }
    }

    private void heard(Event.Heard heard) {
        WorkerProcess worker = workers.get(heard.id());
        if (worker != null) {
            worker.heardNanos = System.nanoTime();
            if (heard.figures() != null) {
                worker.figures = heard.figures();
            }
        }
    }

    private void exited(Event.Exited exited) {
        launcher.exited(exited.id(), exited.status());
        WorkerProcess worker = workers.remove(exited.id());
        if (worker == null) {
            return;
        }
        if (worker.state == State.DRAINING || exitStatus != null) {
            log(worker + " exited with status " + exited.status());
            completeReload();
        } else if (worker.generation == reloads.generation() && !reloads.tookOver()) {
            failReload(worker, worker.killedBecause != null ? worker.killedBecause
                    : worker + " exited with status " + exited.status() + " before it was ready");
        } else if (!announced) {
            failure = worker + " exited with status " + exited.status() + " before it was ready"
                    + lines(worker.tail());
            stop(1, Duration.ZERO);
        } else {
            crashed(worker, worker.killedBecause != null ? worker.killedBecause
                    : "exited unexpectedly with status " + exited.status());
        }
    }

    private void crashed(WorkerProcess worker, String why) {
        crashes++;
        Duration backoff = Duration.ofMillis(Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(crashes, 10)));
        restartAfterNanos = System.nanoTime() + (crashes == 1 ? 0 : backoff.toNanos());
        log(worker + " " + why + "; replacing it" + (crashes == 1 ? "" : " in " + backoff.toMillis() + " ms"));
    }

    private void signalled(String name) {
        switch (name) {
            case "HUP" -> reload("SIGHUP");
            case "TERM" -> stop(0, settings.gracefulTimeout());
            case "INT" -> stop(130, Duration.ZERO);
            case "TTIN" -> processes++;
            case "TTOU" -> processes = Math.max(1, processes - 1);
            default -> { }
        }
    }

    private String command(String line) {
        String[] words = line.split("\\s+");
        return switch (words[0]) {
            case "status" -> StatusJson.write(processes, serving, reloads.generation(), workers.values(),
                    reloads.last());
            case "reload" -> {
                reload("spawn ctl reload");
                yield "reload requested";
            }
            case "stop" -> {
                stop(0, settings.gracefulTimeout());
                yield "stopping";
            }
            case "workers" -> workers(words);
            default -> "unknown command '" + line + "': expected status, reload, stop or workers N";
        };
    }

    private String workers(String[] words) {
        try {
            int wanted = Integer.parseInt(words[1]);
            if (wanted < 1 || wanted > 1024) {
                return "workers " + words[1] + ": expected a number from 1 to 1024";
            }
            processes = wanted;
            return "workers: " + wanted;
        } catch (RuntimeException bad) {
            return "workers: expected a number from 1 to 1024";
        }
    }

    private void reload(String trigger) {
        if (exitStatus != null) {
            return;
        }
        if (reloads.generation() != 0 || !announced) {
            reloads.merge();
            return;
        }
        int generation = nextGeneration++;
        reloads.begin(generation, trigger);
        log("reload (" + trigger + "): starting generation " + generation);
        launch(generation, processes);
    }

    /** Every new worker is ready: the old ones drain, the new generation serves. */
    private void takeOver() {
        int generation = reloads.generation();
        for (WorkerProcess worker : List.copyOf(workers.values())) {
            if (worker.generation != generation && worker.state != State.DRAINING) {
                worker.drain(settings.gracefulTimeout());
            }
        }
        serving = generation;
        log("reload: generation " + generation + " serves, after " + reloads.takeOver().toMillis()
                + " ms; the old generation drains");
        completeReload();
    }

    /** The reload succeeds once no worker of an older generation is left. */
    private void completeReload() {
        if (!reloads.tookOver() || workers.values().stream().anyMatch(w -> w.generation < serving)) {
            return;
        }
        ReloadOutcome outcome = reloads.succeed();
        log("reload (" + outcome.trigger() + ") succeeded: generation " + outcome.generation() + " serves alone, "
                + outcome.complete().toMillis() + " ms after the trigger");
        followUp();
    }

    private void failReload(WorkerProcess failed, String why) {
        int generation = reloads.generation();
        for (WorkerProcess worker : List.copyOf(workers.values())) {
            if (worker.generation == generation) {
                worker.drain(Duration.ZERO);
            }
        }
        List<String> error = new ArrayList<>(List.of(why));
        error.addAll(failed.tail());
        reloads.fail(error);
        log("reload failed, generation " + serving + " keeps serving: " + why + lines(failed.tail()));
        followUp();
    }

    private void followUp() {
        if (reloads.takeMerged()) {
            reload("requests merged during the last reload");
        }
    }

    private void stop(int status, Duration grace) {
        if (exitStatus != null && grace.compareTo(Duration.ZERO) > 0) {
            return;
        }
        exitStatus = exitStatus == null ? status : exitStatus;
        stopDeadlineNanos = System.nanoTime() + grace.plus(DRAIN_SLACK).toNanos();
        for (WorkerProcess worker : workers.values()) {
            if (worker.state != State.DRAINING || grace.isZero()) {
                worker.drain(grace);
            }
        }
    }

    /** The timers: starts that take too long, silent workers, replacements, drains past their time. */
    private void tick() {
        long now = System.nanoTime();
        for (WorkerProcess worker : List.copyOf(workers.values())) {
            if (worker.state == State.STARTING && now - worker.startedNanos > settings.startupTimeout().toNanos()) {
                kill(worker, "was not ready within startup_timeout (" + settings.startupTimeout().toSeconds() + "s)");
            } else if (worker.state == State.READY && now - worker.heardNanos > settings.deadman().toNanos()) {
                threadDump(worker);
                kill(worker, "sent no heartbeat for deadman (" + settings.deadman().toSeconds() + "s)");
            } else if (worker.state == State.DRAINING && worker.process.isAlive() && worker.killedBecause == null
                    && now - worker.drainNanos > settings.gracefulTimeout().plus(DRAIN_SLACK).toNanos()) {
                threadDump(worker);
                kill(worker, "did not finish draining within graceful_timeout (" + settings.gracefulTimeout()
                        .toSeconds() + "s) and " + DRAIN_SLACK.toSeconds() + "s more");
                log(worker + " " + worker.killedBecause + "; killed");
            }
        }
        if (exitStatus != null) {
            if (now > stopDeadlineNanos) {
                workers.values().forEach(worker -> worker.process.destroyForcibly());
            }
            return;
        }
        if (announced) {
            recycle(now);
        }
        if (announced && now >= restartAfterNanos) {
            resize();
        }
    }

    /**
     * The readiness rule ({@link ControllerProbes}): null (ready) when the serving generation has
     * all its {@code processes} workers READY and no reload is under way (triggered, its new
     * generation not yet taken over); otherwise why not.
     */
    private String notReady() {
        if (exitStatus != null) {
            return "stopping";
        }
        if (reloads.generation() != 0 && !reloads.tookOver()) {
            return "reload under way: generation " + reloads.generation() + " is starting";
        }
        long ready = readyCount(serving);
        return ready >= processes ? null
                : ready + " of " + processes + " worker(s) of generation " + serving + " ready";
    }

    /** Marks the serving workers due for recycling, and drains those whose replacements are ready. */
    private void recycle(long now) {
        boolean readMemory = recycling.memoryDue(now);
        for (WorkerProcess worker : current()) {
            String why = worker.state == State.READY ? recycling.due(worker, now, readMemory) : null;
            if (why != null) {
                worker.recycling = why;
                log(worker + " " + why + "; recycling it once its replacement is ready");
            }
        }
        long ready = current().stream().filter(w -> w.state == State.READY).count();
        for (WorkerProcess worker : List.copyOf(workers.values())) {
            if (worker.recycling != null && worker.state != State.DRAINING && ready >= processes) {
                worker.drain(settings.gracefulTimeout());
            }
        }
    }

    /** Brings the serving generation to {@code processes} workers: one started or drained per tick. */
    private void resize() {
        List<WorkerProcess> current = current();
        if (current.size() < processes) {
            launch(serving, 1);
        } else if (current.size() > processes) {
            current.getLast().drain(settings.gracefulTimeout());
        }
    }

    /** The workers of the serving generation that stay: neither draining nor being recycled. */
    private List<WorkerProcess> current() {
        return workers.values().stream()
                .filter(w -> w.generation == serving && w.state != State.DRAINING && w.recycling == null).toList();
    }

    private void kill(WorkerProcess worker, String why) {
        if (worker.killedBecause == null) {
            worker.killedBecause = why;
            worker.process.destroyForcibly();
        }
    }

    /**
     * Logs the worker's threads ({@code jcmd PID Thread.print}, waiting up to 10 s) before it is
     * killed: a SIGQUIT dump would go to its standard output, which points at /dev/null once its
     * server has closed the inherited channel.
     */
    private void threadDump(WorkerProcess worker) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(worker.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            String threads = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dump.waitFor(10, TimeUnit.SECONDS);
            log("threads of " + worker + ":\n" + threads);
        } catch (IOException e) {
            log("cannot take the threads of " + worker + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void launch(int generation, int count) {
        for (int i = 0; i < count; i++) {
            WorkerProcess worker = launcher.start(nextId++, generation);
            worker.requestLimit = recycling.requestLimit();
            workers.put(worker.id, worker);
        }
    }

    private long readyCount(int generation) {
        return workers.values().stream().filter(w -> w.generation == generation && w.state == State.READY).count();
    }

    private String worker(int id) {
        WorkerProcess worker = workers.get(id);
        return worker != null ? worker.toString() : "worker " + id;
    }

    private void log(String message) {
        err.println("spawn: " + Instant.now() + " " + message);
        err.flush();
    }

    private static String lines(List<String> tail) {
        return tail.isEmpty() ? "" : "; its last error output:\n    " + String.join("\n    ", tail);
    }
}
