package dev.spawning.controller;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * {@code reload = revision}: reads the revision of each checkout ({@link Revision}: git or svn)
 * every {@link #POLL}, and when one changes, waits until the build has finished writing (the
 * workers' class path entries unchanged for {@link #STABLE}) before it asks for a reload, so that
 * a new generation never starts on half-built output. A revision is asked for once: a failed
 * reload is not retried until the revision changes again. Runs on one daemon thread,
 * {@code spawn-revision}.
 */
final class RevisionWatcher {

    static final Duration POLL = Duration.ofMillis(500);
    static final Duration STABLE = Duration.ofSeconds(2);

    private final List<Revision> checkouts;
    private final List<Path> buildOutputs;
    private final BlockingQueue<Event> events;

    private RevisionWatcher(List<Revision> checkouts, List<Path> buildOutputs, BlockingQueue<Event> events) {
        this.checkouts = List.copyOf(checkouts);
        this.buildOutputs = List.copyOf(buildOutputs);
        this.events = events;
    }

    static void start(List<Revision> checkouts, List<Path> buildOutputs, BlockingQueue<Event> events) {
        RevisionWatcher watcher = new RevisionWatcher(checkouts, buildOutputs, events);
        Thread.ofPlatform().daemon().name("spawn-revision").start(watcher::run);
    }

    private void run() {
        List<String> asked = revisions();
        try {
            while (true) {
                Thread.sleep(POLL);
                List<String> now = revisions();
                if (!now.equals(asked) && !now.contains(null)) {
                    awaitStableBuild();
                    List<String> settled = revisions();
                    asked = settled.contains(null) ? now : settled;
                    events.add(new Event.Changed("revision " + labels(asked)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the build output has not changed for {@link #STABLE}. */
    private void awaitStableBuild() throws InterruptedException {
        long seen = ChangeWatcher.fingerprint(buildOutputs);
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < STABLE.toNanos()) {
            Thread.sleep(POLL);
            long now = ChangeWatcher.fingerprint(buildOutputs);
            if (now != seen) {
                seen = now;
                stableSince = System.nanoTime();
            }
        }
    }

    private List<String> revisions() {
        List<String> revisions = new ArrayList<>();
        for (Revision checkout : checkouts) {
            revisions.add(checkout.read());
        }
        return revisions;
    }

    /** The revisions as the trigger of a reload names them: {@code 3f2a9c01d4e5, r42}. */
    private String labels(List<String> revisions) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            String revision = revisions.get(i);
            labels.add(checkouts.get(i).label(revision));
        }
        return String.join(", ", labels);
    }
}
