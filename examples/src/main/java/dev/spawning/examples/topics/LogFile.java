package dev.spawning.examples.topics;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The file of one topic's log, shared by every process serving the topic: one event per line,
 * only ever appended to. Appends happen under an exclusive lock of the whole file, so appends of
 * several processes never interleave; reads take no lock and only consume lines that end with a
 * line break, so a line being written is left for the next read.
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

    private final Path path;
    // Opened on first need; guarded by this.
    private FileChannel channel;

    private LogFile(Path path) {
        this.path = path;
    }

    /**
     * The log file at {@code path}; nothing is opened or created until it is needed: a reader of a
     * topic that was never published to leaves no file behind.
     *
     * @param path the file; an absolute, normalized path, so that the JVM lock is found by it
     * @return the log file
     */
    static LogFile at(Path path) {
        return new LogFile(path);
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
            FileLock fileLock = channel(true).lock();
            try {
                return action.run();
            } finally {
                fileLock.release();
            }
        } finally {
            local.unlock();
        }
    }

    /**
     * Appends one line at the end and forces it to the disk; call it inside {@link #exclusively}.
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
        open.force(false);
        return position;
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

    /** The open file; {@code null} when it does not exist and {@code create} is false. */
    private synchronized FileChannel channel(boolean create) throws IOException {
        if (channel == null) {
            if (create) {
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            } else if (Files.exists(path)) {
                channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
        }
        return channel;
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
