package dev.spawning.examples.actors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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
 * <p>Threading: any thread may ask; only the writer touches the files after {@link #open}.
 */
final class DiskStore implements Store {

    static final String SNAPSHOT = ".snapshot";
    static final String JOURNAL = ".journal";
    private static final String TEMPORARY = ".tmp";

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

    private final Path dir;
    private final LinkedBlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    // Writer thread only.
    private final Map<String, FileChannel> journals = new HashMap<>();
    private final List<Append> written = new ArrayList<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    /** Guarded by the queue's monitor, so that nothing is queued after the close. */
    private boolean closed;

    private DiskStore(Path dir) {
        this.dir = dir;
    }

    /**
     * A store in {@code dir}, created if absent, with its writer started.
     *
     * @throws IOException when the directory cannot be made
     */
    static DiskStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        DiskStore store = new DiskStore(dir);
        Thread.ofVirtual().name("actors-store-writer").start(store::writeLoop);
        return store;
    }

    @Override
    public List<Restored> restore() throws IOException {
        List<Restored> restored = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(TEMPORARY)) {
                    Files.deleteIfExists(file);
                } else if (name.endsWith(JOURNAL) && !Files.exists(sibling(idOf(name, JOURNAL), SNAPSHOT))) {
                    // A delete that stopped half-way: the snapshot goes first.
                    Files.deleteIfExists(file);
                } else if (name.endsWith(SNAPSHOT)) {
                    String id = idOf(name, SNAPSHOT);
                    Snapshot snapshot = readSnapshot(file);
                    restored.add(new Restored(id, snapshot, readJournal(id, snapshot.applied())));
                }
            }
        }
        restored.sort((a, b) -> a.id().compareTo(b.id()));
        return restored;
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

    /** Waits until what was asked before is done and the files are closed. */
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
        ObjectNode line = Json.object();
        line.put("seq", append.mail().seq());
        line.set("msg", append.mail().message());
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
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
        ObjectNode json = Json.object();
        json.put("type", snapshot.type());
        json.put("version", snapshot.version());
        json.put("applied", snapshot.applied());
        json.set("state", snapshot.state());
        replace(sibling(id, SNAPSHOT), Json.bytes(json));
        compact(id, snapshot.applied());
    }

    /** Keeps only the journal's lines after {@code applied}. */
    private void compact(String id, long applied) throws IOException {
        Path file = sibling(id, JOURNAL);
        if (!Files.exists(file)) {
            return;
        }
        StringBuilder kept = new StringBuilder();
        for (Mail mail : readJournal(id, applied)) {
            ObjectNode line = Json.object();
            line.put("seq", mail.seq());
            line.set("msg", mail.message());
            kept.append(line).append('\n');
        }
        FileChannel open = journals.remove(id);
        if (open != null) {
            open.close();
        }
        replace(file, kept.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void forget(String id) throws IOException {
        FileChannel open = journals.remove(id);
        if (open != null) {
            open.close();
        }
        Files.deleteIfExists(sibling(id, SNAPSHOT));
        Files.deleteIfExists(sibling(id, JOURNAL));
        forceDirectory();
    }

    /** Writes a file whole: a temporary file, forced, then renamed over the old one. */
    private void replace(Path file, byte[] bytes) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + TEMPORARY);
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory();
    }

    /** Makes renames and deletes durable where the platform allows forcing a directory. */
    private void forceDirectory() {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Some platforms cannot open a directory; their renames are as durable as they get.
        }
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

    private static Snapshot readSnapshot(Path file) throws IOException {
        try {
            JsonNode json = Json.MAPPER.readTree(Files.readAllBytes(file));
            return new Snapshot(json.get("type").stringValue(), json.get("version").longValue(),
                    json.get("applied").longValue(), json.get("state"));
        } catch (JacksonException | NullPointerException bad) {
            throw new IOException("Cannot read the actor snapshot " + file + ": " + bad.getMessage(), bad);
        }
    }

    /**
     * The journal's messages after {@code applied}. A last line without its newline is a write
     * that a crash cut short, never acknowledged: it is cut off the file, so that later lines
     * are not appended after it.
     */
    private List<Mail> readJournal(String id, long applied) throws IOException {
        Path file = sibling(id, JOURNAL);
        if (!Files.exists(file)) {
            return List.of();
        }
        byte[] bytes = Files.readAllBytes(file);
        List<Mail> mails = new ArrayList<>();
        int start = 0;
        for (int end = indexOf(bytes, start); end >= 0; end = indexOf(bytes, start)) {
            JsonNode line;
            try {
                line = Json.MAPPER.readTree(bytes, start, end - start);
            } catch (JacksonException torn) {
                break;
            }
            long seq = line.get("seq").longValue();
            if (seq > applied) {
                mails.add(new Mail(seq, line.get("msg")));
            }
            start = end + 1;
        }
        if (start < bytes.length) {
            try (FileChannel journal = FileChannel.open(file, StandardOpenOption.WRITE)) {
                journal.truncate(start);
                journal.force(false);
            }
        }
        return mails;
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private Path sibling(String id, String suffix) {
        return dir.resolve(id + suffix);
    }

    private static String idOf(String fileName, String suffix) {
        return fileName.substring(0, fileName.length() - suffix.length());
    }
}
