package dev.spawning.controller;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * {@code reload = revision}: reads the revision of each git checkout every {@link #POLL}, and when
 * one changes, waits until the build has finished writing (the workers' class path entries
 * unchanged for {@link #STABLE}) before it asks for a reload, so that a new generation never starts
 * on half-built output. A revision is asked for once: a failed reload is not retried until the
 * revision changes again. Runs on one daemon thread, {@code spawn-revision}.
 */
final class RevisionWatcher {

    static final Duration POLL = Duration.ofMillis(500);
    static final Duration STABLE = Duration.ofSeconds(2);

    private final List<Path> gitDirs;
    private final List<Path> buildOutputs;
    private final BlockingQueue<Event> events;

    private RevisionWatcher(List<Path> gitDirs, List<Path> buildOutputs, BlockingQueue<Event> events) {
        this.gitDirs = List.copyOf(gitDirs);
        this.buildOutputs = List.copyOf(buildOutputs);
        this.events = events;
    }

    static void start(List<Path> gitDirs, List<Path> buildOutputs, BlockingQueue<Event> events) {
        RevisionWatcher watcher = new RevisionWatcher(gitDirs, buildOutputs, events);
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
                    asked = revisions();
                    events.add(new Event.Changed("revision " + String.join(", ", asked.stream()
                            .map(r -> r.substring(0, Math.min(12, r.length()))).toList())));
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
        for (Path gitDir : gitDirs) {
            revisions.add(GitRevision.of(gitDir));
        }
        return revisions;
    }
}
