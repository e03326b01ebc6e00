package dev.spawning.controller;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The control socket of {@code spawn ctl}: one command line per connection ({@code status},
 * {@code reload}, {@code stop}, {@code workers N}), handed to the supervisor, whose answer is
 * written back before the connection closes. Each connection on a virtual thread of its own.
 */
final class ControlServer {

    private ControlServer() {
    }

    /** Listens on {@code path}, replacing a socket file that no controller answers on. */
    static UnixServer listen(Path path, BlockingQueue<Event> events) {
        if (Files.exists(path)) {
            if (answers(path)) {
                throw new ControllerException("Another controller answers on the control socket " + path
                        + "; stop it, or set control to another path");
            }
            try {
                Files.delete(path);
            } catch (IOException e) {
                throw new ControllerException("Cannot replace the control socket " + path + ": " + e.getMessage(), e);
            }
        }
        return UnixServer.listen(path, "spawn-control", channel -> answer(channel, events));
    }

    private static boolean answers(Path path) {
        try {
            ControlClient.send(path, "status");
            return true;
        } catch (ControllerException stale) {
            return false;
        }
    }

    private static void answer(SocketChannel channel, BlockingQueue<Event> events) {
        try (Link link = new Link(channel)) {
            String line = link.receive();
            if (line == null) {
                return;
            }
            CompletableFuture<String> reply = new CompletableFuture<>();
            events.add(new Event.Command(line.strip(), reply));
            link.send(reply.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            // the client went away, or the controller is stopping
        }
    }
}
