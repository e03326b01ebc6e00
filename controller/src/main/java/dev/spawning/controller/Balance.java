package dev.spawning.controller;

import dev.spawning.factory.AcceptGate;

/**
 * A worker's {@link AcceptGate}: it takes its share of the connections on the socket the workers
 * share. One shared socket spreads connections unevenly (the kernel hands a connection to whichever
 * worker is waiting in accept, and a busy worker returns to accept soonest), and a keep-alive
 * client stays with the worker that accepted it. So before each accept a worker publishes its open
 * connections on the {@link Board} and reads the others': it accepts while it has no more than the
 * average of the workers accepting plus {@link #SLACK}, and otherwise leaves new connections to the
 * others for {@link AcceptGate#RECHECK}.
 *
 * <p>One worker always accepts: the one with the fewest connections is never above the average.
 * What a worker published may be older than its count (it publishes before each accept and with
 * each heartbeat, not as connections close), which only makes the others' average higher, so a
 * stale count can make a worker take more than its share, never stop all of them.
 *
 * <p>Threading: {@link #admits} runs on the server's accept thread, {@link #publish} on the
 * heartbeat thread, {@link #withdraw} on the main thread when the worker drains.
 */
final class Balance implements AcceptGate {

    /** Connections a worker may hold above the average before it pauses accepting. */
    static final int SLACK = 2;

    private final Board board;
    private final int slot;
    private volatile boolean withdrawn;

    Balance(Board board, int slot) {
        this.board = board;
        this.slot = slot;
    }

    @Override
    public boolean admits(int openConnections) {
        if (withdrawn) {
            return true;
        }
        board.publish(slot, openConnections);
        long total = openConnections;
        int accepting = 1;
        int limit = board.limit();
        for (int other = 0; other < limit; other++) {
            long open = other == slot ? Board.EMPTY : board.read(other);
            if (open != Board.EMPTY) {
                total += open;
                accepting++;
            }
        }
        return (long) openConnections * accepting <= total + (long) SLACK * accepting;
    }

    /** The heartbeat's count, so that the others see connections that closed since the last accept. */
    void publish(int openConnections) {
        if (!withdrawn) {
            board.publish(slot, openConnections);
        }
    }

    /** The worker drains: it accepts no more, and the others stop counting it. */
    void withdraw() {
        withdrawn = true;
        board.empty(slot);
    }
}
