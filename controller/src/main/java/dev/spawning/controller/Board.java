package dev.spawning.controller;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A small file in the controller's runtime directory, mapped into the memory of the controller and
 * of every worker: each worker that accepts has a slot there holding its open connections, which
 * every worker reads before each accept to take its share ({@link Balance}). Shared memory rather
 * than the link, because a burst of connections is over before a message could travel.
 *
 * <p>Layout: {@link #SLOTS} longs. Long 0 is the number of slots ever handed out (the controller
 * hands out the lowest free one, so readers stop there); long {@code 1 + i} is slot {@code i}:
 * {@link #EMPTY}, or the open connections of the worker holding it.
 *
 * <p>Threading: the controller writes the header and empties slots on its supervisor thread; a
 * worker writes only its own slot, from its accept thread and its heartbeat thread; any thread
 * reads. Every access is one aligned long, read with acquire and written with release semantics.
 */
final class Board implements AutoCloseable {

    /** Workers that can hold a slot at once, old and new generations together. */
    static final int SLOTS = 1024;

    /** A slot nobody accepts with. */
    static final long EMPTY = -1;

    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private final Arena arena;
    private final MemorySegment longs;

    private Board(Arena arena, MemorySegment longs) {
        this.arena = arena;
        this.longs = longs;
    }

    /** The controller's side: creates {@code file} with every slot empty. */
    static Board create(Path file) throws IOException {
        Board board = map(file, StandardOpenOption.CREATE_NEW);
        for (int slot = 0; slot < SLOTS; slot++) {
            board.empty(slot);
        }
        LONG.setRelease(board.longs, 0L, 0L);
        return board;
    }

    /** A worker's side: maps the board its controller created. */
    static Board open(Path file) throws IOException {
        return map(file);
    }

    private static Board map(Path file, StandardOpenOption... extra) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(file, options(extra))) {
            return new Board(arena, channel.map(FileChannel.MapMode.READ_WRITE, 0, (SLOTS + 1L) * Long.BYTES, arena));
        } catch (IOException | RuntimeException failed) {
            arena.close();
            throw failed;
        }
    }

    private static Set<StandardOpenOption> options(StandardOpenOption... extra) {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE);
        options.addAll(List.of(extra));
        return options;
    }

    /** {@return the slots handed out so far: every slot in use is below this} */
    int limit() {
        return (int) (long) LONG.getAcquire(longs, 0L);
    }

    /** The controller hands out {@code slot}: it is empty until its worker accepts. */
    void handOut(int slot) {
        empty(slot);
        if (slot >= limit()) {
            LONG.setRelease(longs, 0L, (long) slot + 1);
        }
    }

    /** {@code slot} holds nobody accepting, or its worker is draining or gone. */
    void empty(int slot) {
        LONG.setRelease(longs, offset(slot), EMPTY);
    }

    /** A worker: the open connections of the worker holding {@code slot}. */
    void publish(int slot, long openConnections) {
        LONG.setRelease(longs, offset(slot), openConnections);
    }

    /** {@return the open connections of the worker holding {@code slot}, or {@link #EMPTY}} */
    long read(int slot) {
        return (long) LONG.getAcquire(longs, offset(slot));
    }

    private static long offset(int slot) {
        if (slot < 0 || slot >= SLOTS) {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + SLOTS);
        }
        return (1L + slot) * Long.BYTES;
    }

    /** Unmaps the board; the file stays until the runtime directory goes. */
    @Override
    public void close() {
        arena.close();
    }
}
