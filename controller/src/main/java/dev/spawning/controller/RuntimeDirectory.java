package dev.spawning.controller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The controller's private directory, {@code spawn-*} in the temporary directory: the workers'
 * link socket and the workers' AOT cache (tens of megabytes), removed when the controller ends.
 * A controller killed with SIGKILL cannot remove its own, so each names its owner in
 * {@link #OWNER} ({@code PID START NAMESPACE}: the process's id, start time and pid namespace),
 * and a controller starting removes the directories whose owner is gone: no process has that id,
 * or one that started at another time. Only a directory holding that file is ever removed, and
 * only its files (never what is under a subdirectory, never through a link); a directory of
 * anything else, of a live controller, or of a controller in another pid namespace (a container
 * sharing the temporary directory) is left alone. Used by the controller's main thread.
 */
final class RuntimeDirectory implements AutoCloseable {

    static final String PREFIX = "spawn-";
    static final String OWNER = "controller.owner";
    /** How far two readings of one process's start time may differ (Linux derives it from the boot time). */
    private static final Duration SAME_START = Duration.ofSeconds(2);

    private final Path path;

    private RuntimeDirectory(Path path) {
        this.path = path;
    }

    /** Removes the directories of controllers that are gone, then creates this controller's. */
    static RuntimeDirectory create() {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        removeStale(temporary);
        try {
            Path created = Files.createTempDirectory(temporary, PREFIX);
            Path owner = created.resolve(OWNER + ".new");
            Files.writeString(owner, ownerLine(ProcessHandle.current()), StandardCharsets.UTF_8);
            Files.move(owner, created.resolve(OWNER), StandardCopyOption.ATOMIC_MOVE);
            return new RuntimeDirectory(created);
        } catch (IOException e) {
            throw new ControllerException("Cannot create a directory for the workers' links: " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    /** Removes the directory and its files; one left behind is removed by a later controller. */
    @Override
    public void close() {
        delete(path);
    }

    /** {@return the number of {@code spawn-*} directories of {@code temporary} removed: those whose owner is gone} */
    static int removeStale(Path temporary) {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(temporary, PREFIX + "*")) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && ownerIsGone(entry) && delete(entry)) {
                    removed++;
                }
            }
        } catch (IOException | RuntimeException unlistable) {
            // nothing to clean, or not ours to clean
        }
        return removed;
    }

    /** The owner file's line for {@code process}, a process of this pid namespace. */
    static String ownerLine(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().map(Instant::toString).orElse("-") + " "
                + pidNamespace() + "\n";
    }

    /** This process's pid namespace, as Linux names it ({@code pid:[4026531836]}); {@code -} when unknown. */
    private static String pidNamespace() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "-";
        }
    }

    /** Whether {@code directory} names its owner, and that process has ended (its pid unused or reused). */
    private static boolean ownerIsGone(Path directory) {
        Path owner = directory.resolve(OWNER);
        if (!Files.isRegularFile(owner, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            String[] fields = Files.readString(owner, StandardCharsets.UTF_8).strip().split(" ");
            if (fields.length != 3) {
                return false;
            }
            if (!fields[2].equals(pidNamespace())) {
                return false;
            }
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(fields[0]));
            if (process.isEmpty() || !process.get().isAlive()) {
                return true;
            }
            Optional<Instant> started = process.get().info().startInstant();
            return !fields[1].equals("-") && started.isPresent()
                    && Duration.between(Instant.parse(fields[1]), started.get()).abs().compareTo(SAME_START) > 0;
        } catch (IOException | NumberFormatException | DateTimeParseException unreadable) {
            return false;
        }
    }

    /**
     * Deletes the directory's files, its owner file last (so that one left half-deleted is still
     * known as a controller's), then the directory; {@code false} when something stays.
     */
    private static boolean delete(Path directory) {
        try {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
                for (Path file : files) {
                    if (!file.getFileName().toString().equals(OWNER)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            Files.deleteIfExists(directory.resolve(OWNER));
            Files.deleteIfExists(directory);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
