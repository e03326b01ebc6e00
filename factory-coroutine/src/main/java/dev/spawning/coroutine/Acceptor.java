package dev.spawning.coroutine;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ThreadFactory;

/**
 * Accepts connections on the listening channel and starts a virtual thread for each, until the
 * channel closes. Takes a {@link Connections} permit before each accept, so that at
 * {@code max_connections} new clients wait in the backlog rather than being accepted and left.
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
    private final ThreadFactory connectionThreads = Thread.ofVirtual().name("spawning-connection-", 0).factory();

    Acceptor(ServerSocketChannel listening, Service service, Connections connections) {
        this.listening = listening;
        this.service = service;
        this.connections = connections;
    }

    @Override
    public void run() {
        try {
            while (listening.isOpen()) {
                connections.reserve();
                acceptOne();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
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
        connectionThreads.newThread(connection).start();
    }
}
