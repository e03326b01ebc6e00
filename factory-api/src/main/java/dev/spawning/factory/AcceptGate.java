package dev.spawning.factory;

import java.time.Duration;

/**
 * Whether a server takes its next connection now, or leaves it for a moment to the other processes
 * accepting from the same listening socket: how spawn's controller spreads connections evenly
 * across its workers (see {@link Server#gateAccepts}).
 *
 * <p>A server that consults a gate asks it before each accept, on its accepting thread, with the
 * number of connections it has open. While the gate says no, the server accepts nothing: a
 * connection that arrives waits in the socket's backlog, where another process sharing the socket
 * takes it, and the server asks again {@link #RECHECK} later. A gate must answer quickly and never
 * block, and it must let at least one of the processes sharing a socket accept, or connections
 * wait until one does.
 */
@FunctionalInterface
public interface AcceptGate {

    /** How long a server waits before asking a gate again after it said no. */
    Duration RECHECK = Duration.ofMillis(2);

    /** The gate of a server nobody gates: it accepts whenever a connection is waiting. */
    AcceptGate OPEN = openConnections -> true;

    /**
     * {@return true to accept the next connection now; false to leave it to the other processes
     * sharing the socket and ask again after {@link #RECHECK}}
     *
     * @param openConnections the connections this server has open now, idle ones included
     */
    boolean admits(int openConnections);
}
