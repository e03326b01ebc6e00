package dev.spawning.examples.actors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store in a directory: per actor, {@code ID.snapshot} (one JSON object: type, version, applied,
 * state; replaced atomically) and {@code ID.journal} (one JSON object per line:
 * {@code {"seq": N, "msg": {...}}}, appended). A snapshot covers the journal up to its
 * {@code applied}; the lines after it are the messages accepted but not known to be handled.
 *
 * <p>Group commit: one virtual thread, the writer, does all the file work. It takes every
 * operation waiting in its queue at once, appends all the messages, forces each journal written
 * once, and only then delivers the messages and completes their futures; so concurrent casts
 * share one {@code fsync}. A snapshot or a delete first commits the appends queued before it.
 *
 * <p>Several processes: an actor is owned by one process at a time through {@code locks/ID.lock}
 * ({@link FileChannel#tryLock}, polled while the caller may wait); only the owner reads or writes
 * the actor's files.
 *
 * <p>Threading: any thread may ask; the writer does all writing; {@link #load} reads on the
 * caller's thread, which owns the actor, while the writer has nothing of it open.
 */
final class DiskStore implements Store {

    static final String SNAPSHOT = ".snapshot";
    static final String JOURNAL = ".journal";
    static final String LOCK = ".lock";
    /** Lock files live apart and are never deleted: a deleted lock file would let two owners in. */
    static final String LOCKS = "locks";
    private static final String TEMPORARY = DataFiles.TEMPORARY;
    private static final Duration LOCK_POLL = Duration.ofMillis(10);

    private sealed interface Op {
        CompletableFuture<Void> done();
    }

    private record Append(String id, Mail mail, Runnable durable, CompletableFuture<Void> done) implements Op {
    }

    private record Snap(String id, Snapshot snapshot, CompletableFuture<Void> done) implements Op {
    }

    private record Delete(String id, CompletableFuture<Void> done) implements Op {
    }

    private record Close(CompletableFuture<Void> done) implements Op {
    }

    private record Release(String id, CompletableFuture<Void> done) implements Op {
    }

    private final Path dir;
    private final Path locks;
    private final LinkedBlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final AtomicLong journalForces = new AtomicLong();
    /** The lock files' channels of the actors this store owns. */
    private final Set<FileChannel> owned = ConcurrentHashMap.newKeySet();
    // Writer thread only.
    private final Map<String, FileChannel> journals = new HashMap<>();
    private final List<Append> written = new ArrayList<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    /** Guarded by the queue's monitor, so that nothing is queued after the close. */
    private boolean closed;

    private DiskStore(Path dir) {
        this.dir = dir;
        this.locks = dir.resolve(LOCKS);
    }

    /**
     * A store in {@code dir}, created if absent, with its writer started.
     *
     * @throws IOException when the directory cannot be made
     */
    static DiskStore open(Path dir) throws IOException {
        Files.createDirectories(dir.resolve(LOCKS));
        DiskStore store = new DiskStore(dir);
        Thread.ofVirtual().name("actors-store-writer").start(store::writeLoop);
        return store;
    }

    /** {@return how many times a journal was forced so far: fewer than the casts, when they overlap} */
    long journalForces() {
        return journalForces.get();
    }

    @Override
    public List<String> ids() throws IOException {
        return idsWith(SNAPSHOT);
    }

    /** Empty journals are left out: they hold no message. */
    @Override
    public List<String> withJournal() throws IOException {
        List<String> ids = new ArrayList<>();
        for (String id : idsWith(JOURNAL)) {
            try {
                if (Files.size(sibling(id, JOURNAL)) > 0) {
                    ids.add(id);
                }
            } catch (NoSuchFileException deleted) {
                // Deleted or compacted away meanwhile by its owner.
            }
        }
        return ids;
    }

    private List<String> idsWith(String suffix) throws IOException {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + suffix)) {
            files.forEach(file -> ids.add(idOf(file.getFileName().toString(), suffix)));
        }
        ids.sort(null);
        return ids;
    }

    @Override
    public String typeOf(String id) throws IOException {
        try {
            return DataFiles.readSnapshot(sibling(id, SNAPSHOT)).type();
        } catch (NoSuchFileException deleted) {
            return null;
        }
    }

    @Override
    public Ownership own(String id, Duration wait) throws IOException {
        FileChannel channel = FileChannel.open(locks.resolve(id + LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    owned.add(channel);
                    return () -> {
                        try {
                            ask(new Release(id, new CompletableFuture<>())).join();
                        } catch (RuntimeException closed) {
                            // Closed: the close forced everything, and gives up every lock.
                        } finally {
                            owned.remove(channel);
                            channel.close();
                        }
                    };
                }
                if (System.nanoTime() >= deadline) {
                    channel.close();
                    return null;
                }
                Thread.sleep(LOCK_POLL);
            }
        } catch (InterruptedException interrupted) {
            channel.close();
            Thread.currentThread().interrupt();
            return null;
        } catch (IOException | RuntimeException failed) {
            channel.close();
            throw failed;
        }
    }

    /** The lock, or {@code null} while another process, or another app of this JVM, has it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    @Override
    public Restored load(String id) throws IOException {
        // Left-overs of an owner that stopped half-way; only an owner may clear them.
        Files.deleteIfExists(sibling(id, SNAPSHOT + TEMPORARY));
        Files.deleteIfExists(sibling(id, JOURNAL + TEMPORARY));
        Path snapshotFile = sibling(id, SNAPSHOT);
        if (!Files.exists(snapshotFile)) {
            // A delete that stopped half-way: the snapshot goes first.
            Files.deleteIfExists(sibling(id, JOURNAL));
            return null;
        }
        Snapshot snapshot = DataFiles.readSnapshot(snapshotFile);
        return new Restored(id, snapshot, DataFiles.readJournal(sibling(id, JOURNAL), snapshot.applied()));
    }

    @Override
    public CompletableFuture<Void> append(String id, Mail mail, Runnable durable) {
        return ask(new Append(id, mail, durable, new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<Void> snapshot(String id, Snapshot snapshot) {
        return ask(new Snap(id, snapshot, new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<Void> delete(String id) {
        return ask(new Delete(id, new CompletableFuture<>()));
    }

    /**
     * Waits until what was asked before is done and the files are closed, then gives up every
     * actor this store owns (their locks are released).
     */
    @Override
    public void close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (queue) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(new Close(done));
        }
        done.join();
        // Closing a lock file's channel releases its lock: this app keeps no actor any more.
        for (FileChannel channel : owned) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // The lock goes with the channel or with the process.
            }
        }
        owned.clear();
    }

    private CompletableFuture<Void> ask(Op op) {
        synchronized (queue) {
            if (!closed) {
                queue.add(op);
                return op.done();
            }
        }
        op.done().completeExceptionally(new IllegalStateException("The actors' store is closed"));
        return op.done();
    }

    private void writeLoop() {
        List<Op> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException stop) {
                return;
            }
            queue.drainTo(batch);
            for (Op op : batch) {
                if (!carryOut(op)) {
                    return;
                }
            }
            commit();
            batch.clear();
        }
    }

    /** Carries out one operation; {@code false} after a close. */
    private boolean carryOut(Op op) {
        try {
            switch (op) {
                case Append append -> write(append);
                case Snap snap -> {
                    commit();
                    writeSnapshot(snap.id(), snap.snapshot());
                    snap.done().complete(null);
                }
                case Delete delete -> {
                    commit();
                    forget(delete.id());
                    delete.done().complete(null);
                }
                case Release release -> {
                    commit();
                    closeJournal(release.id());
                    release.done().complete(null);
                }
                case Close close -> {
                    commit();
                    closeJournals();
                    close.done().complete(null);
                    failWaiting();
                    return false;
                }
            }
        } catch (IOException | RuntimeException failed) {
            op.done().completeExceptionally(failed);
        }
        return true;
    }

    private void write(Append append) throws IOException {
        FileChannel journal = journal(append.id());
        long before = journal.size();
        ByteBuffer bytes = ByteBuffer.wrap(DataFiles.journalLine(append.mail()));
        try {
            while (bytes.hasRemaining()) {
                journal.write(bytes);
            }
        } catch (IOException failed) {
            // No torn line may stay: a later line after it would be lost on restore.
            journal.truncate(before);
            throw failed;
        }
        dirty.add(append.id());
        written.add(append);
    }

    /** Forces every journal written since the last commit, then delivers and completes, in order. */
    private void commit() {
        Map<String, IOException> failed = new HashMap<>();
        for (String id : dirty) {
            try {
                journal(id).force(false);
                journalForces.incrementAndGet();
            } catch (IOException e) {
                failed.put(id, e);
            }
        }
        for (Append append : written) {
            IOException failure = failed.get(append.id());
            if (failure != null) {
                append.done().completeExceptionally(failure);
            } else {
                append.durable().run();
                append.done().complete(null);
            }
        }
        dirty.clear();
        written.clear();
    }

    private FileChannel journal(String id) throws IOException {
        FileChannel journal = journals.get(id);
        if (journal == null) {
            journal = FileChannel.open(sibling(id, JOURNAL), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            journals.put(id, journal);
        }
        return journal;
    }

    private void writeSnapshot(String id, Snapshot snapshot) throws IOException {
        DataFiles.replace(sibling(id, SNAPSHOT), DataFiles.snapshotBytes(snapshot));
        compact(id, snapshot.applied());
    }

    /** Keeps only the journal's lines after {@code applied}. */
    private void compact(String id, long applied) throws IOException {
        Path file = sibling(id, JOURNAL);
        if (!Files.exists(file)) {
            return;
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        for (Mail mail : DataFiles.readJournal(file, applied)) {
            kept.writeBytes(DataFiles.journalLine(mail));
        }
        closeJournal(id);
        DataFiles.replace(file, kept.toByteArray());
    }

    /** Closes an actor's journal: another owner may replace the file before it is opened again. */
    private void closeJournal(String id) throws IOException {
        FileChannel open = journals.remove(id);
        if (open != null) {
            open.close();
        }
    }

    private void forget(String id) throws IOException {
        closeJournal(id);
        Files.deleteIfExists(sibling(id, SNAPSHOT));
        Files.deleteIfExists(sibling(id, JOURNAL));
        DataFiles.forceDirectory(dir);
    }

    private void closeJournals() {
        for (FileChannel journal : journals.values()) {
            try {
                journal.close();
            } catch (IOException ignored) {
                // Everything was forced by the commit before.
            }
        }
        journals.clear();
    }

    private void failWaiting() {
        for (Op op = queue.poll(); op != null; op = queue.poll()) {
            op.done().completeExceptionally(new IllegalStateException("The actors' store is closed"));
        }
    }

    private Path sibling(String id, String suffix) {
        return dir.resolve(id + suffix);
    }

    private static String idOf(String fileName, String suffix) {
        return fileName.substring(0, fileName.length() - suffix.length());
    }
}
