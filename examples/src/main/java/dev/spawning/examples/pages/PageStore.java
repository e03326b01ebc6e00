package dev.spawning.examples.pages;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The data directory: one file per page, named by the SHA-256 of its path (so no path, however
 * strange, can name a file outside the directory), written to a temporary file in the same
 * directory and renamed over the old one, so a reader in any process sees the old page or the new
 * one, never a mix. Writers take a lock on {@code .lock} in the directory: a file lock for the other
 * processes, and a lock of this JVM for its other threads (a file lock is held by a whole process).
 * Readers take no lock. Thread-safe.
 */
final class PageStore {

    /** What a writer does under the lock. */
    @FunctionalInterface
    interface Locked<T> {
        T run() throws Exception;
    }

    static final String LOCK_FILE = ".lock";
    private static final String SUFFIX = ".page";
    private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final ReentrantLock jvmLock;

    /**
     * Opens a data directory, creating it and its lock file when missing.
     *
     * @param directory the directory
     * @throws IOException when it cannot be created or is not writable
     */
    PageStore(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path lockFile = directory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            Files.write(lockFile, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }
        if (!Files.isWritable(directory) || !Files.isWritable(lockFile)) {
            throw new IOException(directory + " is not writable");
        }
        this.directory = directory.toRealPath();
        this.jvmLock = JVM_LOCKS.computeIfAbsent(this.directory, d -> new ReentrantLock());
    }

    /**
     * Reads a page.
     *
     * @param path the path below the mount point
     * @return the page; empty when none is stored
     * @throws IOException when the file cannot be read
     */
    Optional<StoredPage> read(String path) throws IOException {
        try {
            return Optional.of(StoredPage.decode(Files.readAllBytes(file(path))));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
    }

    /**
     * Stores a page in place of the one stored under its path; call it under {@link #locked}.
     *
     * @param page the page
     * @throws IOException when it cannot be written; then the old page stays
     */
    void write(StoredPage page) throws IOException {
        // Not Files.createTempFile, whose files only their owner may read.
        Path temporary = directory.resolve(".put-" + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(page.encode());
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            Files.move(temporary, file(page.path()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Runs {@code action} while no other thread or process writes to this directory.
     *
     * @param <T>    what the action returns
     * @param action reads, decides and writes
     * @return what the action returned
     * @throws Exception what the action threw, or a failure to lock
     */
    <T> T locked(Locked<T> action) throws Exception {
        jvmLock.lock();
        try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.WRITE)) {
            // Closing the channel releases the lock.
            channel.lock();
            return action.run();
        } finally {
            jvmLock.unlock();
        }
    }

    Path directory() {
        return directory;
    }

    private Path file(String path) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.ISO_8859_1));
            return directory.resolve(HexFormat.of().formatHex(digest) + SUFFIX);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JDK has SHA-256", impossible);
        }
    }
}
