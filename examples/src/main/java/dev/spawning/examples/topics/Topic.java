package dev.spawning.examples.topics;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;

/**
 * One topic as one app instance sees it: the tail of its log file held in memory, and the
 * requests waiting for the next event. A waiting request is a virtual thread parked on
 * {@link #changed}, nothing more, so thousands of them cost little; a publish here, a line that
 * another process appended (found by {@link #refresh}) or the server's stop wakes them all.
 *
 * <p>{@link #lock} guards the fields below it but {@code lastAnswer}. Lock order: this JVM's lock
 * of the file, the file's lock ({@link LogFile#exclusively}), then {@link #lock}; a reader holding
 * {@link #lock} only tries this JVM's lock of the file ({@link LogFile#checkReplaced}), never waits
 * for it.
 */
final class Topic implements Closeable {

    private static final System.Logger LOG = System.getLogger(Topic.class.getName());

    private final LogFile file;
    private final int retain;
    private final BooleanSupplier stopping;
    private final ReentrantLock lock;
    private final Condition changed;
    // The last `retain` to 2 * `retain` events, in order of seq; trimmed in bulk, not one by one.
    private final List<Event> events = new ArrayList<>();
    private long lastSeq;
    // The last poll answer built: the many readers one publish wakes share it. Not guarded: any value is valid.
    private volatile PollAnswer lastAnswer;
    // Where the next read of the file starts: just after the last complete line consumed.
    private long offset;
    // The lines of the file up to offset: beyond twice `retain`, an append compacts the file.
    private long linesInFile;
    // The file's generation the offset belongs to: another one is read from its start.
    private long generation;

    private Topic(Path path, int retain, BooleanSupplier stopping) {
        this.lock = new ReentrantLock();
        this.file = LogFile.at(path, lock);
        this.retain = retain;
        this.stopping = stopping;
        this.changed = lock.newCondition();
    }

    /**
     * Opens a topic and reads its log file as it is now.
     *
     * @param path     the topic's log file (see {@link LogFile#at})
     * @param retain   how many of the last events a reader may ask for
     * @param stopping true once the server stops: waits end at once
     * @return the topic
     * @throws IOException when the file cannot be read
     */
    static Topic load(Path path, int retain, BooleanSupplier stopping) throws IOException {
        Topic topic = new Topic(path, retain, stopping);
        topic.refresh();
        return topic;
    }

    /**
     * Appends an event with the next sequence number, unique across every process sharing the
     * file: under the file's lock, the lines others appended are read first, then this one is
     * written and forced to the disk. Waiters are woken once it is written, before the disk
     * confirms; the publisher's answer waits for the disk.
     *
     * @param data the event's JSON value
     * @return its sequence number
     * @throws IOException when the file cannot be locked, read or written
     */
    long publish(JsonNode data) throws IOException {
        return file.exclusively(() -> {
            long seq;
            lock.lock();
            try {
                catchUp();
                Event event = new Event(lastSeq + 1, data);
                offset = file.append(Json.logLine(event));
                linesInFile++;
                add(event);
                changed.signalAll();
                seq = event.seq();
            } finally {
                lock.unlock();
            }
            // Still under the file's lock, but not the topic's: readers and waiters do not wait for the disk.
            file.force();
            lock.lock();
            try {
                if (linesInFile > 2L * retain && file.compactable()) {
                    compactOrWarn();
                }
            } finally {
                lock.unlock();
            }
            return seq;
        });
    }

    /**
     * Takes in the lines other processes appended since the last look, waking the waiters if
     * there are any; cheap when the file has not grown (one size check).
     *
     * @return false when the look was cut short (a thread of this JVM was appending to the file
     *         through another app instance), so it should be done again soon
     * @throws IOException when the file cannot be read
     */
    boolean refresh() throws IOException {
        lock.lock();
        try {
            catchUp();
            return !file.takeDeferred();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The events after {@code since}, waiting for one until {@code wait} has passed or the server
     * stops.
     *
     * @param since the last sequence number the reader has seen; 0 for none
     * @param wait  how long to wait when there is none yet, in nanoseconds; 0 answers at once
     * @return the events and the reader's new cursor (empty, with cursor {@code since}, when none
     *         came), or {@link Read.Gone} when {@code since} is outside the retained log
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Read await(long since, long wait) throws InterruptedException {
        long remaining = wait;
        lock.lock();
        try {
            while (true) {
                Read now = readNow(since);
                if (!(now instanceof Read.Events found) || !found.events().isEmpty() || remaining <= 0
                        || stopping.getAsBoolean()) {
                    return now;
                }
                remaining = changed.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The JSON answer to a poll that found {@code found} after {@code since}, built once for all
     * the readers that ask the same (thousands, when one publish wakes every held long-poll).
     *
     * @param since the reader's cursor
     * @param found what {@link #await} found for it
     * @return {@code {"events":[...],"cursor":M}}; not to be changed
     */
    byte[] pollAnswer(long since, Read.Events found) {
        Event last = found.events().isEmpty() ? null : found.events().getLast();
        PollAnswer answer = lastAnswer;
        // Identity of the last event: the same instances, so the same data, even if the log was started again.
        if (answer == null || answer.since() != since || answer.last() != last) {
            answer = new PollAnswer(since, last, Json.events(found.events(), found.cursor()));
            lastAnswer = answer;
        }
        return answer.body();
    }

    /** Wakes every waiter, which looks again (and sees that the server stops). */
    void wakeAll() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** {@return how many requests wait for this topic's next event now (for tests and diagnostics)} */
    int waiting() {
        lock.lock();
        try {
            return lock.getWaitQueueLength(changed);
        } finally {
            lock.unlock();
        }
    }

    /** {@return the last sequence number known here; 0 for an empty log} */
    long lastSeq() {
        lock.lock();
        try {
            return lastSeq;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private Read readNow(long since) {
        long firstRetained = Math.max(1, lastSeq - retain + 1);
        if (since < firstRetained - 1 || since > lastSeq) {
            return new Read.Gone(since, firstRetained, lastSeq);
        }
        List<Event> after = List.copyOf(events.subList(indexAfter(since), events.size()));
        return new Read.Events(after, after.isEmpty() ? since : after.getLast().seq());
    }

    /** The index of the first event with a seq above {@code since} (binary search: seqs ascend). */
    private int indexAfter(long since) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (events.get(middle).seq() <= since) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private void catchUp() throws IOException {
        file.checkReplaced();
        if (file.generation() != generation) {
            // Compacted by another process: its events are read again from the start, kept only if new.
            generation = file.generation();
            offset = 0;
            linesInFile = 0;
        }
        if (file.size() <= offset) {
            return;
        }
        long before = lastSeq;
        offset = file.readLines(offset, line -> {
            linesInFile++;
            Json.parseLogLine(line).filter(event -> event.seq() > lastSeq).ifPresent(this::add);
        });
        if (lastSeq != before) {
            changed.signalAll();
        }
    }

    /** The event is stored already: a failed compaction leaves a longer file, and the publish stands. */
    private void compactOrWarn() {
        try {
            compact();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot compact " + file + "; it keeps growing: " + e);
        }
    }

    /** Replaces the file with one of the retained events only; the file's lock and {@link #lock} are held. */
    private void compact() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        for (Event event : events.subList(indexAfter(lastSeq - retain), events.size())) {
            lines.add(Json.logLine(event));
        }
        offset = file.compact(lines);
        linesInFile = lines.size();
    }

    private void add(Event event) {
        events.add(event);
        lastSeq = event.seq();
        if (events.size() > 2 * retain) {
            events.subList(0, events.size() - retain).clear();
        }
    }

    private record PollAnswer(long since, Event last, byte[] body) {
    }

    /** What a reader gets. */
    sealed interface Read {

        /**
         * The events after the reader's cursor, possibly none.
         *
         * @param events the events, in order of seq
         * @param cursor the seq of the last one; the reader's own cursor when there are none
         */
        record Events(List<Event> events, long cursor) implements Read {
        }

        /**
         * The reader's cursor is outside the retained log: older than its first event, or ahead of
         * its last (the log was removed and started again).
         *
         * @param since         the reader's cursor
         * @param firstRetained the first seq a reader may still get
         * @param lastSeq       the last seq of the log; 0 when empty
         */
        record Gone(long since, long firstRetained, long lastSeq) implements Read {
        }
    }
}
