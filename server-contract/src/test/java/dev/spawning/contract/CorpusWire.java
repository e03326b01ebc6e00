package dev.spawning.contract;

import dev.spawning.contract.CorpusCase.Field;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Plays one case over a fresh connection: sends the raw bytes, half-closes the sending side, reads
 * until the server closes (or a short deadline passes) and splits what came back into responses.
 * Bytes are read as ISO-8859-1, one character per byte.
 */
final class CorpusWire {

    /** How long to wait for the server to answer and close once everything was sent. */
    static final Duration READ_DEADLINE = Duration.ofSeconds(3);

    private CorpusWire() {
    }

    /** What came back: the responses in order, and whether the server closed the connection. */
    record Exchange(List<Reply> replies, boolean closed, String leftover) {

        String describe() {
            StringBuilder text = new StringBuilder();
            for (Reply reply : replies) {
                text.append("\n  ").append(reply.status()).append(' ').append(abbreviate(reply.text()));
            }
            if (!leftover.isEmpty()) {
                text.append("\n  unparsed: ").append(abbreviate(leftover));
            }
            return text.append(closed ? "\n  then closed" : "\n  and not closed within " + READ_DEADLINE).toString();
        }

        private static String abbreviate(String text) {
            String flat = text.replace("\r", "\\r").replace("\n", "\\n");
            return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
        }
    }

    /** One response: status code, header fields in order, body with its framing removed. */
    record Reply(int status, List<Field> headers, byte[] body) {

        Optional<String> header(String name) {
            return headers.stream().filter(field -> field.name().equalsIgnoreCase(name)).map(Field::value).findFirst();
        }

        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    static Exchange play(InetSocketAddress server, byte[] raw) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 5_000);
            socket.setSoTimeout((int) READ_DEADLINE.toMillis());
            sendAll(socket, raw);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean closed = readUntilClosed(socket.getInputStream(), received);
            return split(received.toString(StandardCharsets.ISO_8859_1), closed);
        }
    }

    /** Sends and half-closes; a server that closed early (after refusing) may reset the rest. */
    private static void sendAll(Socket socket, byte[] raw) throws IOException {
        try {
            socket.getOutputStream().write(raw);
            socket.getOutputStream().flush();
            socket.shutdownOutput();
        } catch (SocketException refusedEarly) {
            // What the server answered before it closed is still read below.
        }
    }

    private static boolean readUntilClosed(InputStream in, ByteArrayOutputStream received) throws IOException {
        long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
        byte[] buffer = new byte[8192];
        try {
            while (System.nanoTime() < deadline) {
                int count = in.read(buffer);
                if (count < 0) {
                    return true;
                }
                received.write(buffer, 0, count);
            }
            return false;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** Splits the bytes into responses; a trailing part that is not a whole response is kept as leftover. */
    static Exchange split(String wire, boolean closed) {
        List<Reply> replies = new ArrayList<>();
        Cursor cursor = new Cursor(wire);
        while (cursor.hasMore()) {
            int start = cursor.position;
            Reply reply = cursor.reply(closed);
            if (reply == null) {
                return new Exchange(replies, closed, wire.substring(start));
            }
            if (reply.status() >= 200) {
                replies.add(reply);
            }
        }
        return new Exchange(replies, closed, "");
    }

    /** Reads responses off the received text; each method returns null when the text runs out. */
    private static final class Cursor {

        private final String wire;
        private int position;

        Cursor(String wire) {
            this.wire = wire;
        }

        boolean hasMore() {
            return position < wire.length();
        }

        Reply reply(boolean closed) {
            String statusLine = line();
            if (statusLine == null || !statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                return null;
            }
            List<Field> headers = headers();
            if (headers == null) {
                return null;
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            byte[] body = body(status, headers, closed);
            return body == null ? null : new Reply(status, headers, body);
        }

        private List<Field> headers() {
            List<Field> headers = new ArrayList<>();
            for (String field = line(); field != null; field = line()) {
                if (field.isEmpty()) {
                    return headers;
                }
                int colon = field.indexOf(':');
                if (colon < 0) {
                    return null;
                }
                headers.add(new Field(field.substring(0, colon), field.substring(colon + 1).strip()));
            }
            return null;
        }

        private byte[] body(int status, List<Field> headers, boolean closed) {
            Reply head = new Reply(status, headers, new byte[0]);
            if (status < 200 || status == 204 || status == 304) {
                return new byte[0];
            }
            if (head.header("Transfer-Encoding").map(te -> te.toLowerCase(Locale.ROOT).endsWith("chunked")).orElse(false)) {
                return chunked();
            }
            Optional<String> length = head.header("Content-Length");
            if (length.isPresent()) {
                return take(Integer.parseInt(length.get().strip()));
            }
            return closed ? take(wire.length() - position) : null;
        }

        private byte[] chunked() {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (String size = line(); size != null; size = line()) {
                int semicolon = size.indexOf(';');
                int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
                if (length == 0) {
                    return skipTrailers() ? body.toByteArray() : null;
                }
                byte[] chunk = take(length);
                if (chunk == null || line() == null) {
                    return null;
                }
                body.writeBytes(chunk);
            }
            return null;
        }

        private boolean skipTrailers() {
            for (String line = line(); line != null; line = line()) {
                if (line.isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        private byte[] take(int count) {
            if (position + count > wire.length()) {
                return null;
            }
            byte[] bytes = wire.substring(position, position + count).getBytes(StandardCharsets.ISO_8859_1);
            position += count;
            return bytes;
        }

        private String line() {
            int end = wire.indexOf('\n', position);
            if (end < 0) {
                return null;
            }
            String line = wire.substring(position, end);
            position = end + 1;
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }
    }
}
