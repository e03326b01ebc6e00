package dev.spawning.controller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code reload = dev}: watches the workers' class path entries, the {@code watch} entries, the
 * deployment file and the files it includes, and asks for a reload once a change has been
 * followed by {@link #QUIET} without another (a build writes many files). Polls the files' sizes
 * and times every {@link #POLL}: a directory tree of classes is watched whole, which the JDK's
 * watch service cannot do on Linux without a watch per directory. What is watched is asked for
 * again after each change, as an edited deployment file may include other files. Runs on one
 * daemon thread, {@code spawn-watch}, which also calls the supplier of the paths.
 */
final class ChangeWatcher {

    static final Duration POLL = Duration.ofMillis(100);
    static final Duration QUIET = Duration.ofMillis(300);

    private final Supplier<List<Path>> paths;
    private final BlockingQueue<Event> events;

    private ChangeWatcher(Supplier<List<Path>> paths, BlockingQueue<Event> events) {
        this.paths = paths;
        this.events = events;
    }

    /** Starts watching what {@code paths} gives, asked for now and after each change. */
    static void start(Supplier<List<Path>> paths, BlockingQueue<Event> events) {
        ChangeWatcher watcher = new ChangeWatcher(paths, events);
        Thread.ofPlatform().daemon().name("spawn-watch").start(watcher::run);
    }

    private void run() {
        List<Path> watched = paths.get();
        long seen = fingerprint(watched);
        long changedAt = 0;
        while (true) {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                return;
            }
            long now = fingerprint(watched);
            if (now != seen) {
                watched = paths.get();
                seen = fingerprint(watched);
                changedAt = System.nanoTime();
            } else if (changedAt != 0 && System.nanoTime() - changedAt >= QUIET.toNanos()) {
                changedAt = 0;
                events.add(new Event.Changed("a change of the watched files"));
            }
        }
    }

    /** A hash of the name, size and modification time of every file under the watched paths. */
    static long fingerprint(List<Path> paths) {
        long hash = 17;
        for (Path path : paths) {
            hash = 31 * hash + treeFingerprint(path);
        }
        return hash;
    }

    private static long treeFingerprint(Path root) {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.mapToLong(ChangeWatcher::fileFingerprint).reduce(1, (a, b) -> 31 * a + b);
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    private static long fileFingerprint(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return file.hashCode() * 31L + attributes.size() * 17L + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
