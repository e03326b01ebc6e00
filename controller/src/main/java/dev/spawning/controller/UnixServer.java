package dev.spawning.controller;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A Unix-domain socket the controller listens on (its workers' links, its control socket): one
 * virtual thread accepts, and each connection is handled on a virtual thread of its own. The
 * socket file is removed when closed.
 */
final class UnixServer implements AutoCloseable {

    private final Path path;
    private final ServerSocketChannel channel;

    private UnixServer(Path path, ServerSocketChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    static UnixServer listen(Path path, String name, Consumer<SocketChannel> handler) {
        ServerSocketChannel channel;
        try {
            channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            throw new ControllerException("Cannot listen on " + path + ": " + e.getMessage(), e);
        }
        UnixServer server = new UnixServer(path, channel);
        Thread.ofVirtual().name(name).start(() -> server.accept(handler));
        return server;
    }

    private void accept(Consumer<SocketChannel> handler) {
        while (channel.isOpen()) {
            try {
                SocketChannel connection = channel.accept();
                Thread.ofVirtual().start(() -> handler.accept(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // nothing more to do at exit
        }
    }
}
