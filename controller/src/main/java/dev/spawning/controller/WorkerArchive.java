package dev.spawning.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The JDK's AOT cache that makes workers start faster (JEPs 483, 514 and 515: classes loaded and
 * linked, and method profiles, from a training run): one worker at a time records it into a file
 * of its own ({@code -XX:AOTCacheOutput}, written when it exits), which becomes the cache only when
 * that worker has exited cleanly, by an atomic rename; from then on every worker maps it
 * ({@code -XX:AOTCache}). So workers starting together never write the same file, and none reads a
 * file being written. The JVM starts without a cache whose class path has changed. Kept in the
 * controller's private directory, for its life. Confined to the supervisor's thread.
 *
 * <p>No worker records before one has been ready: the JVM assembles its cache at any exit, so a
 * worker whose deployment fails to load would spend a second on a cache nobody uses before its
 * error reached the operator, and the JDK's assembly step, run from {@code System.exit}, has been
 * seen to turn that worker's exit status 2 into 1. The first generation therefore records nothing;
 * the first worker started after one was ready (a replacement or the next generation's) does.
 *
 * <p>Chosen over a dynamic class-data archive ({@code -XX:ArchiveClassesAtExit}), which works the
 * same way: trigger to new generation serving, median of 10 reloads of two coroutine workers,
 * 0.97 s with the AOT cache against 1.15 s with the archive ({@code docs/benchmarks.md}).
 */
final class WorkerArchive {

    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xlog:aot=off");

    private final Path archive;
    private int writer;
    private boolean loaded;

    WorkerArchive(Path directory) {
        this.archive = directory.resolve("workers.aot");
    }

    /** The JVM options of worker {@code id}: map the cache, record one, or neither. */
    List<String> options(int id) {
        if (Files.exists(archive)) {
            return concat("-XX:AOTCache=" + archive);
        }
        if (loaded && writer == 0) {
            writer = id;
            return concat("-XX:AOTCacheOutput=" + recording(id));
        }
        return List.of();
    }

    /** A worker has been ready: the deployment loads, and workers started from now on may record. */
    void loaded() {
        loaded = true;
    }

    /** Worker {@code id} has exited: if it was recording and exited cleanly, its file becomes the cache. */
    void exited(int id, int status) {
        if (id != writer) {
            return;
        }
        writer = 0;
        Path recorded = recording(id);
        try {
            if (status == 0 && Files.exists(recorded)) {
                Files.move(recorded, archive, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(recorded);
            }
        } catch (IOException e) {
            // no archive: workers start without one
        }
    }

    private Path recording(int id) {
        return archive.resolveSibling("worker-" + id + ".aot");
    }

    private static List<String> concat(String option) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(option), QUIET.stream()).toList();
    }
}
