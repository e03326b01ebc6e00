package dev.spawning.factory.server;

import dev.spawning.factory.FactoryException;
import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;

/**
 * The listening socket a process inherits as its standard input ({@code bind = fd://0}): the inetd
 * convention, which spawn's controller follows to give each worker the one socket it bound. Java
 * offers it as {@link System#inheritedChannel()}.
 *
 * <p>The socket's blocking mode is shared by every process that holds it, so a server that serves it
 * must leave the mode as it finds it.
 */
public final class InheritedSocket {

    private InheritedSocket() {
    }

    /**
     * The inherited listening socket.
     *
     * @return the channel, bound and listening
     * @throws FactoryException when standard input is not a listening socket (the message says what
     *         it is and how to start a server with one)
     */
    public static ServerSocketChannel channel() {
        Channel inherited;
        try {
            inherited = System.inheritedChannel();
        } catch (IOException e) {
            throw new FactoryException("bind = fd://0: cannot read the inherited channel: " + e.getMessage(), e);
        }
        if (inherited instanceof ServerSocketChannel listening) {
            return listening;
        }
        throw new FactoryException("bind = fd://0: standard input is " + (inherited == null ? "not a socket"
                : "not a listening socket (" + inherited.getClass().getSimpleName() + ")")
                + "; start the server from a process that passes one, such as spawn with processes > 1, "
                + "or set host and port instead");
    }
}
