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
 * <p>The socket's OS-level non-blocking flag ({@code O_NONBLOCK}) belongs to the socket, not to a
 * process: every process that holds it shares it, and any of them may set it (XNIO sets it, and so
 * does the JDK when a virtual thread accepts on a channel in blocking mode). A server serving it
 * therefore accepts correctly either way, and never relies on a process leaving it alone: the
 * coroutine provider accepts on a virtual thread (the JDK waits for a connection whatever the flag),
 * the undertow provider on XNIO's selector.
 *
 * <p>Closing the channel this returns makes the JDK point descriptors 0, 1 and 2 at
 * {@code /dev/null} ({@code sun.nio.ch.InheritedChannel}): a process that serves it and must keep
 * writing to its standard output or error after its server stops opens them again first.
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
