package dev.spawning.examples.actors;

import dev.spawning.examples.actors.Store.Mail;
import dev.spawning.examples.actors.Store.Snapshot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The formats of {@link DiskStore}'s files, and writing a file whole. A snapshot is one JSON
 * object, {@code {"type", "version", "applied", "state"}}; a journal is one JSON object a line,
 * {@code {"seq": N, "msg": {...}}}. Called by the writer thread, or by an actor's owner.
 */
final class DataFiles {

    static final String TEMPORARY = ".tmp";

    private DataFiles() {
    }

    static byte[] snapshotBytes(Snapshot snapshot) {
        ObjectNode json = Json.object();
        json.put("type", snapshot.type());
        json.put("version", snapshot.version());
        json.put("applied", snapshot.applied());
        json.set("state", snapshot.state());
        return Json.bytes(json);
    }

    /** {@return one journal line, its newline included} */
    static byte[] journalLine(Mail mail) {
        ObjectNode line = Json.object();
        line.put("seq", mail.seq());
        line.set("msg", mail.message());
        byte[] json = Json.bytes(line);
        byte[] withNewline = new byte[json.length + 1];
        System.arraycopy(json, 0, withNewline, 0, json.length);
        withNewline[json.length] = '\n';
        return withNewline;
    }

    /** Writes a file whole: a temporary file, forced, then renamed over the old one. */
    static void replace(Path file, byte[] bytes) throws IOException {
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
        forceDirectory(file.getParent());
    }

    /** Makes renames and deletes durable where the platform allows forcing a directory. */
    static void forceDirectory(Path dir) {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Some platforms cannot open a directory; their renames are as durable as they get.
        }
    }

    static Snapshot readSnapshot(Path file) throws IOException {
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
    static List<Mail> readJournal(Path file, long applied) throws IOException {
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
}
