package dev.spawning.examples.topics;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The file of one topic's log, shared by every process serving the topic: one event per line,
 * appended to. Appends happen under an exclusive lock of the whole file, so appends of several
 * processes never interleave; reads take no lock and only consume lines that end with a line
 * break, so a line being written is left for the next read. When it holds too many lines, the
 * appender that notices replaces it with a file of the retained lines only ({@link #compact}); the
 * others see the file's new identity and read the new one from its start.
 *
 * <p>File locks belong to the whole JVM: two channels of one JVM that lock the same file fail
 * with {@code OverlappingFileLockException} instead of waiting. So an append first takes a lock
 * of this JVM for the path (two app instances of one process share the file too), then the file
 * lock, which orders it with other processes.
 */
final class LogFile implements Closeable {

    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final int CHUNK = 64 * 1024;
    private static final byte NEWLINE = '\n';
    private static final String COMPACTING = ".compacting";

    private final Path path;
    // Held by every reader of this file (its topic's lock): an open channel is closed only under it.
    private final Lock readers;
    // Opened on first need, with the identity of the file it reads; guarded by this.
    private FileChannel channel;
    private Object fileKey;
    // Counts the times the file was found replaced by another process and opened again; guarded by this.
    private long generation;
    // A reader found this JVM's lock of the path taken and looked no further: someone should look again soon.
    private volatile boolean deferred;

    private LogFile(Path path, Lock readers) {
        this.path = path;
        this.readers = readers;
    }

    /**
     * The log file at {@code path}; nothing is opened or created until it is needed: a reader of a
     * topic that was never published to leaves no file behind.
     *
     * @param path    the file; an absolute, normalized path, so that the JVM lock is found by it
     * @param readers the lock every reader of the file holds (its topic's), taken after the file's
     *                lock to close a channel no reader is using
     * @return the log file
     */
    static LogFile at(Path path, Lock readers) {
        return new LogFile(path, readers);
    }

    /** {@return the file's size in bytes now; 0 while it does not exist} */
    long size() throws IOException {
        FileChannel open = channel(false);
        return open == null ? 0 : open.size();
    }

    /**
     * Reads the complete lines from {@code from} to the end of the file.
     *
     * @param from where to start: 0, or just after a line break
     * @param line called with each complete line, without its line break
     * @return where the next read starts: just after the last line break read
     * @throws IOException when the file cannot be read
     */
    long readLines(long from, Consumer<byte[]> line) throws IOException {
        FileChannel open = channel(false);
        if (open == null) {
            return from;
        }
        long end = open.size();
        long next = from;
        long position = from;
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        while (position < end) {
            buffer.clear().limit((int) Math.min(CHUNK, end - position));
            int read = open.read(buffer, position);
            if (read <= 0) {
                break;
            }
            for (int i = 0; i < read; i++) {
                byte b = buffer.get(i);
                if (b == NEWLINE) {
                    line.accept(current.toByteArray());
                    current.reset();
                    next = position + i + 1;
                } else {
                    current.write(b);
                }
            }
            position += read;
        }
        return next;
    }

    /**
     * Runs {@code action} holding the file exclusively: against this JVM's other users of the
     * path, then against other processes.
     *
     * @param action reads what others appended, then appends
     * @return what the action returns
     * @throws IOException when the file cannot be locked, or the action fails
     */
    <T> T exclusively(IoAction<T> action) throws IOException {
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(path, p -> new ReentrantLock());
        local.lock();
        try {
            FileLock fileLock = lockCurrentFile();
            try {
                return action.run();
            } finally {
                // A compaction by the action closed the locked channel, which released the lock.
                if (fileLock.isValid()) {
                    fileLock.release();
                }
            }
        } finally {
            local.unlock();
        }
    }

    /** Locks the file now at the path: one that another process replaced meanwhile is opened again. */
    private FileLock lockCurrentFile() throws IOException {
        while (true) {
            FileLock fileLock = channel(true).lock();
            if (!stale()) {
                return fileLock;
            }
            fileLock.release();
            readers.lock();
            try {
                drop();
            } finally {
                readers.unlock();
            }
        }
    }

    /**
     * Notices whether another process replaced the file (compacted it); if so the old one is
     * closed, {@link #generation()} counts one more, and the next use opens the new one, to be read
     * from its start. Call it holding the readers' lock. It looks only when no thread of this JVM
     * appends to the path (the next look catches up).
     *
     * @throws IOException when the file's identity cannot be read
     */
    void checkReplaced() throws IOException {
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(path, p -> new ReentrantLock());
        if (!local.tryLock()) {
            deferred = true;
            return;
        }
        try {
            if (stale()) {
                drop();
            }
        } finally {
            local.unlock();
        }
    }

    /**
     * Whether a reader gave up a look since the last call, because a thread of this JVM was
     * appending to the path: the watcher then looks again soon rather than at its next poll.
     *
     * @return true when a look should be done again soon
     */
    boolean takeDeferred() {
        boolean was = deferred;
        deferred = false;
        return was;
    }

    /** {@return how many times the file was found replaced by another process} */
    synchronized long generation() {
        return generation;
    }

    private synchronized boolean stale() throws IOException {
        return channel != null && fileKey != null && !fileKey.equals(currentKey());
    }

    private synchronized void drop() throws IOException {
        channel.close();
        channel = null;
        fileKey = null;
        generation++;
    }

    /**
     * Whether {@link #compact} may replace the file: the file system gives files an identity, so
     * that other processes notice the replacement.
     *
     * @return true when the file is open and has a file key
     */
    synchronized boolean compactable() {
        return channel != null && fileKey != null;
    }

    /**
     * Replaces the file with one holding these lines only, atomically (a rename over it); call it
     * inside {@link #exclusively}. Other processes notice by the file's new identity
     * ({@link #replaced}) and read it from its start.
     *
     * @param lines the lines to keep, without line breaks
     * @return the size of what was written: where the next read starts (others may append as
     *         soon as the file is in place, since closing the old one released its lock)
     * @throws IOException when the new file cannot be written or moved into place
     */
    synchronized long compact(List<byte[]> lines) throws IOException {
        Path next = path.resolveSibling(path.getFileName() + COMPACTING);
        FileChannel fresh = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        long position = 0;
        Object freshKey;
        try {
            for (byte[] line : lines) {
                ByteBuffer buffer = ByteBuffer.allocate(line.length + 1).put(line).put(NEWLINE).flip();
                while (buffer.hasRemaining()) {
                    position += fresh.write(buffer, position);
                }
            }
            fresh.force(false);
            // The identity before the move (a rename keeps it): once moved, others may append and compact.
            freshKey = Files.readAttributes(next, BasicFileAttributes.class).fileKey();
            Files.move(next, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException failed) {
            fresh.close();
            throw failed;
        }
        channel.close();
        channel = fresh;
        fileKey = freshKey;
        // What was written here, not the size now: lines others append from now on are read as theirs.
        return position;
    }

    /**
     * Appends one line at the end; call it inside {@link #exclusively}, then {@link #force}.
     * A last line left without its line break (by a process that died while writing) is ended
     * first, so that it stays one unreadable line rather than spoiling this one.
     *
     * @param bytes the line, without a line break
     * @return the file's size after the line
     * @throws IOException when the file cannot be written
     */
    long append(byte[] bytes) throws IOException {
        FileChannel open = channel(true);
        long end = open.size();
        boolean endsLine = end == 0 || lastByte(open, end) == NEWLINE;
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 2);
        if (!endsLine) {
            buffer.put(NEWLINE);
        }
        buffer.put(bytes).put(NEWLINE).flip();
        long position = end;
        while (buffer.hasRemaining()) {
            position += open.write(buffer, position);
        }
        return position;
    }

    /**
     * Forces what was appended to the disk; call it inside {@link #exclusively}, after
     * {@link #append}.
     *
     * @throws IOException when the file cannot be synced
     */
    void force() throws IOException {
        channel(true).force(false);
    }

    private static byte lastByte(FileChannel open, long end) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        open.read(one, end - 1);
        return one.get(0);
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }

    /**
     * The open file; {@code null} when it does not exist and {@code create} is false. Opening
     * may close a file just opened (when the path changed meanwhile), and closing any channel of a
     * file releases every lock this process holds on it: so a file is opened only under this
     * JVM's lock of the path (an appender holds it; a reader only tries it, and reads nothing this
     * time when it is taken).
     */
    private FileChannel channel(boolean create) throws IOException {
        synchronized (this) {
            if (channel != null || create) {
                return create ? open(true) : channel;
            }
        }
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(path, p -> new ReentrantLock());
        if (!local.tryLock()) {
            deferred = true;
            return null;
        }
        try {
            return open(false);
        } finally {
            local.unlock();
        }
    }

    private synchronized FileChannel open(boolean create) throws IOException {
        while (channel == null) {
            Object before = currentKey();
            if (before == null && !create) {
                return null;
            }
            FileChannel opened = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            Object after = currentKey();
            // Replaced between the look and the open: which one is open is unknown, so again.
            if (before != null && !before.equals(after)) {
                opened.close();
                continue;
            }
            channel = opened;
            fileKey = after;
        }
        return channel;
    }

    /** The identity (device and inode) of the file now at the path; null when none or unknown. */
    private Object currentKey() throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException absent) {
            return null;
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }

    /** Work done while the file is held; may fail with an {@link IOException}. */
    @FunctionalInterface
    interface IoAction<T> {
        T run() throws IOException;
    }
}
