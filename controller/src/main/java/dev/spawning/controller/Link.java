package dev.spawning.controller;

import dev.spawning.factory.ServerFigures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One worker's link to its controller: a Unix-domain connection carrying one line per message.
 * The link survives what the worker's standard streams do not (closing the inherited channel
 * points descriptors 0 to 2 at /dev/null), and its end tells a worker its controller is gone.
 *
 * <p>Worker to controller: {@code READY id pid}, then {@code FIGURES served inFlight open} about
 * every second ({@code ALIVE} from a server that does not count), {@code METRICS base64} with each
 * heartbeat and once more after a drain from a server that keeps metrics ({@code metrics_bind}
 * set; the Prometheus text in Base64, so that it is one line), and {@code STOPPED completed
 * closedIdle cutOff millis} after a drain. Controller to worker: {@code DRAIN millis}.
 *
 * <p>Writes are whole lines under the link's monitor, from any thread; one thread reads.
 */
final class Link implements AutoCloseable {

    private final SocketChannel channel;
    private final BufferedReader reader;

    Link(SocketChannel channel) {
        this.channel = channel;
        this.reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    }

    /** Sends one message; false when the link is gone. */
    synchronized boolean send(String line) {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            return true;
        } catch (IOException gone) {
            return false;
        }
    }

    /** The next message; null when the link has ended. */
    String receive() {
        try {
            return reader.readLine();
        } catch (IOException gone) {
            return null;
        }
    }

    static String figures(ServerFigures figures) {
        return "FIGURES " + figures.requestsServed() + " " + figures.requestsInFlight() + " " + figures.openConnections();
    }

    static ServerFigures parseFigures(String[] words) {
        return new ServerFigures(Long.parseLong(words[1]), Integer.parseInt(words[2]), Integer.parseInt(words[3]));
    }

    static String metrics(String text) {
        return "METRICS " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String parseMetrics(String[] words) {
        return new String(Base64.getDecoder().decode(words[1]), StandardCharsets.UTF_8);
    }

    static String drain(Duration grace) {
        return "DRAIN " + grace.toMillis();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
    }
}
