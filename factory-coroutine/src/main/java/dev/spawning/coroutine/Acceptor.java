package dev.spawning.coroutine;

import dev.spawning.factory.AcceptGate;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;

/**
 * Accepts connections on the listening channel and starts a virtual thread for each, until the
 * channel closes. Takes a {@link Connections} permit before each accept, so that at
 * {@code max_connections} new clients wait in the backlog rather than being accepted and left,
 * and asks the server's {@link AcceptGate} (through {@code admitted}) before
 * each accept: while it says no, the acceptor sleeps {@link AcceptGate#RECHECK}
 * at a time and leaves new connections to the other processes sharing the socket.
 *
 * <p>Threading: {@link #run} is the acceptor's own thread (a virtual thread); it never runs
 * request code.
 */
final class Acceptor implements Runnable {

    /** A pause after a failed accept (such as too many open files), so the loop does not spin. */
    private static final long FAILURE_PAUSE_MILLIS = 50;

    private final ServerSocketChannel listening;
    private final Service service;
    private final Connections connections;
    private final BooleanSupplier admitted;
    private final ThreadFactory connectionThreads = Thread.ofVirtual().name("spawning-connection-", 0).factory();

    Acceptor(ServerSocketChannel listening, Service service, Connections connections, BooleanSupplier admitted) {
        this.listening = listening;
        this.service = service;
        this.connections = connections;
        this.admitted = admitted;
    }

    @Override
    public void run() {
        try {
            while (listening.isOpen()) {
                connections.reserve();
                awaitAdmission();
                acceptOne();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sleeps while the gate says no; a stop closes the channel, and the accept that follows fails at once. */
    private void awaitAdmission() throws InterruptedException {
        while (!admitted.getAsBoolean() && listening.isOpen()) {
            Thread.sleep(AcceptGate.RECHECK);
        }
    }

    private void acceptOne() throws InterruptedException {
        SocketChannel channel;
        try {
            channel = listening.accept();
        } catch (ClosedChannelException stopped) {
            connections.unreserve();
            return;
        } catch (IOException failed) {
            connections.unreserve();
            Service.LOG.log(Level.WARNING, "Cannot accept a connection: " + failed);
            Thread.sleep(FAILURE_PAUSE_MILLIS);
            return;
        }
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException gone) {
            connections.unreserve();
            Connection.closeQuietly(channel);
            return;
        }
        Connection connection = new Connection(service, channel, connections);
        connections.add(connection);
        service.metrics().connectionOpened();
        connectionThreads.newThread(connection).start();
    }
}
