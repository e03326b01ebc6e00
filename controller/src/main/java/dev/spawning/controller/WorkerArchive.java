package dev.spawning.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The class-data archive that makes workers start faster: one worker at a time records the
 * classes it loaded into a file of its own ({@code -XX:ArchiveClassesAtExit}, written when it
 * exits), which becomes the archive only when that worker has exited cleanly, by an atomic rename;
 * from then on every worker maps it ({@code -XX:SharedArchiveFile}). So workers starting together
 * never write the same file, and none reads a file being written. The JVM ignores an archive
 * whose jars have changed. Kept in the controller's private directory, for its life. Confined to
 * the supervisor's thread.
 */
final class WorkerArchive {

    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private final Path archive;
    private int writer;

    WorkerArchive(Path directory) {
        this.archive = directory.resolve("workers.jsa");
    }

    /** The JVM options of worker {@code id}: map the archive, record one, or neither. */
    List<String> options(int id) {
        if (Files.exists(archive)) {
            return concat("-XX:SharedArchiveFile=" + archive);
        }
        if (writer == 0) {
            writer = id;
            return concat("-XX:ArchiveClassesAtExit=" + recording(id));
        }
        return List.of();
    }

    /** Worker {@code id} has exited: if it was recording and exited cleanly, its file becomes the archive. */
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
        return archive.resolveSibling("worker-" + id + ".jsa.recording");
    }

    private static List<String> concat(String option) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(option), QUIET.stream()).toList();
    }
}
