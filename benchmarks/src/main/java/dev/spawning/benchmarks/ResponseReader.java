package dev.spawning.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response with a {@code Content-Length} body from a blocking channel, just
 * enough for {@link IdleConnections} to know the server answered before it holds the connection.
 * Not a general client: no chunked bodies, and a non-2xx status is an error.
 */
final class ResponseReader {

    private static final int LIMIT = 16 * 1024;

    private final ByteBuffer buffer = ByteBuffer.allocate(LIMIT);

    /** Reads the head and the body; throws when the response is not a 2xx with a length. */
    void readOne(SocketChannel channel) throws IOException {
        buffer.clear();
        int headEnd;
        while ((headEnd = headEnd()) < 0) {
            fill(channel);
        }
        String head = new String(buffer.array(), 0, headEnd, StandardCharsets.ISO_8859_1);
        if (!head.startsWith("HTTP/1.1 2")) {
            throw new IOException("unexpected response: " + head.lines().findFirst().orElse(""));
        }
        int total = headEnd + contentLength(head);
        while (buffer.position() < total) {
            fill(channel);
        }
    }

    private void fill(SocketChannel channel) throws IOException {
        if (!buffer.hasRemaining()) {
            throw new IOException("response larger than " + LIMIT + " bytes");
        }
        if (channel.read(buffer) < 0) {
            throw new EOFException("connection closed before the response was complete");
        }
    }

    /** The index just past the blank line that ends the head, or -1 when not read yet. */
    private int headEnd() {
        byte[] bytes = buffer.array();
        for (int i = 3; i < buffer.position(); i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private static int contentLength(String head) throws IOException {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        throw new IOException("response without Content-Length");
    }
}
