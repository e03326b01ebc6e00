package dev.spawning.contract;

import dev.spawning.contract.FuzzOutcome.Ending;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Sends one input over a fresh connection and reads what comes back: writes every byte, shuts the
 * output down if the input says so, then reads until the server closes, resets, or stays silent
 * for the silence timeout (after which the connection counts as kept open). A server that closes
 * while the bytes are still being written is not an error: what it answered is read all the same.
 * Each call uses its own socket, so calls may run on several threads at once.
 */
final class FuzzWire {

    /** No server needs this long to answer on loopback; a longer read is a hung connection. */
    private static final Duration LONGEST = Duration.ofSeconds(20);

    private final Duration silence;

    FuzzWire(Duration silence) {
        this.silence = silence;
    }

    FuzzOutcome play(InetSocketAddress server, FuzzInput input) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 5_000);
            socket.setSoTimeout((int) silence.toMillis());
            send(socket, input);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            Ending ending = read(socket.getInputStream(), received);
            return FuzzOutcome.of(received.toByteArray(), ending);
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot play input " + input.index() + " to " + server, failed);
        }
    }

    private static void send(Socket socket, FuzzInput input) throws IOException {
        try {
            socket.getOutputStream().write(input.bytes());
            socket.getOutputStream().flush();
            if (input.halfClose()) {
                socket.shutdownOutput();
            }
        } catch (SocketException closedEarly) {
            // The server refused and closed before taking every byte; its answer is read below.
        }
    }

    private static Ending read(InputStream in, ByteArrayOutputStream received) throws IOException {
        long deadline = System.nanoTime() + LONGEST.toNanos();
        byte[] buffer = new byte[8192];
        try {
            while (System.nanoTime() < deadline) {
                int count = in.read(buffer);
                if (count < 0) {
                    return Ending.CLOSED;
                }
                received.write(buffer, 0, count);
            }
            throw new IOException("still receiving after " + LONGEST.toSeconds() + " s");
        } catch (SocketTimeoutException silent) {
            return Ending.SILENT;
        } catch (SocketException reset) {
            return Ending.RESET;
        }
    }
}
