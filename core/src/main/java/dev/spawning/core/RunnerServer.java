package dev.spawning.core;

import dev.spawning.factory.App;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Server;
import dev.spawning.factory.ServerRunner;
import dev.spawning.factory.Settings;
import dev.spawning.factory.StopReport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link ServerRunner} seen as a {@link Server}: {@code start} runs it on a thread of its own;
 * {@code stop} interrupts that thread and waits for it for up to the grace period. A runner does
 * not tell its addresses, so {@link #addresses()} is empty.
 */
final class RunnerServer implements Server {

    private final ServerRunner runner;
    private final Settings global;
    private final Settings local;
    private final AtomicReference<Thread> thread = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    RunnerServer(ServerRunner runner, Settings global, Settings local) {
        this.runner = runner;
        this.global = global;
        this.local = local;
    }

    @Override
    public void start(App app) {
        Thread started = Thread.ofPlatform().name("server-runner").unstarted(() -> run(app));
        if (!thread.compareAndSet(null, started)) {
            throw new FactoryException("start() already called");
        }
        started.start();
    }

    private void run(App app) {
        try {
            runner.run(app, global, local);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure.set(e);
        }
    }

    @Override
    public List<InetSocketAddress> addresses() {
        return List.of();
    }

    @Override
    public StopReport stop(Duration grace) {
        long began = System.nanoTime();
        Thread running = thread.get();
        if (running != null) {
            running.interrupt();
            try {
                running.join(grace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new StopReport(0, 0, running != null && running.isAlive() ? 1 : 0,
                Duration.ofNanos(System.nanoTime() - began));
    }

    @Override
    public void await() throws InterruptedException {
        Thread running = thread.get();
        if (running != null) {
            running.join();
        }
        Throwable failed = failure.get();
        if (failed != null) {
            throw new FactoryException("The server runner failed: " + failed, failed);
        }
    }

    @Override
    public Duration gracefulTimeout() {
        return local.duration("graceful_timeout", Duration.ofSeconds(30));
    }
}
