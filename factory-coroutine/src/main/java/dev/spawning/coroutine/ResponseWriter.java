package dev.spawning.coroutine;

import dev.spawning.factory.Header;
import dev.spawning.factory.Response;
import dev.spawning.factory.server.RequestHead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a response head and chooses the framing of its body, as {@code spec/http-servers.md} says (docs/architecture.md says where): bytes
 * get {@code Content-Length}; a streamed body is chunked on HTTP/1.1 and delimited by the close
 * of the connection on HTTP/1.0; 1xx, 204 and 304 carry no body, and HEAD gets the head of GET
 * without one. The framing fields are the server's to write: the app's {@code Content-Length},
 * {@code Transfer-Encoding} and {@code Connection} are replaced. {@code Date} and {@code Server}
 * are added unless the app set them.
 *
 * <p>Stateless; called by the thread handling the request.
 */
final class ResponseWriter {

    static final String SERVER = "spawning-coroutine";

    private static final byte[] SERVER_LINE = ("Server: " + SERVER + "\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE_LINE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEP_ALIVE_LINE = "Connection: keep-alive\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED_LINE = "Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);

    private ResponseWriter() {
    }

    /** Whether this response's body can only end with the close of the connection. */
    static boolean closeDelimited(RequestHead request, Response response) {
        return response.body() instanceof Response.Body.Streamed && !request.http11()
                && bodyAllowed(response.status()) && !request.isHead();
    }

    /** Whether the app asked for the connection to close after this response. */
    static boolean appCloses(Response response) {
        for (String value : response.headers().all("Connection")) {
            if (value.toLowerCase(java.util.Locale.ROOT).contains("close")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes the status line and fields of {@code response}; returns how its body must be written.
     * {@code close}: the connection closes after this response.
     */
    static ResponseBodies.Mode head(SocketOutput out, RequestHead request, Response response, boolean close)
            throws IOException {
        int status = response.status();
        out.write(StatusLines.of(status, request.http11()));
        boolean date = false;
        boolean server = false;
        String ownLength = null;
        for (Header field : response.headers().asList()) {
            String name = field.name();
            if (framing(name)) {
                ownLength = name.equalsIgnoreCase("Content-Length") ? field.value() : ownLength;
                continue;
            }
            date |= name.equalsIgnoreCase("Date");
            server |= name.equalsIgnoreCase("Server");
            field(out, name, field.value());
        }
        ResponseBodies.Mode mode = frame(out, request, response, ownLength);
        connection(out, request, close);
        if (!date) {
            out.write(HttpDate.line());
        }
        if (!server) {
            out.write(SERVER_LINE);
        }
        out.crlf();
        return mode;
    }

    /** Writes the body of a {@link Response.Body.Bytes} response, if it has one on the wire. */
    static long bytes(SocketOutput out, RequestHead request, Response response, byte[] data) throws IOException {
        if (!bodyAllowed(response.status()) || request.isHead()) {
            return 0;
        }
        out.write(data);
        return data.length;
    }

    static boolean bodyAllowed(int status) {
        return status >= 200 && status != 204 && status != 304;
    }

    private static ResponseBodies.Mode frame(SocketOutput out, RequestHead request, Response response,
            String ownLength) throws IOException {
        int status = response.status();
        boolean allowed = bodyAllowed(status);
        switch (response.body()) {
            case Response.Body.Bytes bytes -> {
                if (allowed && !(request.isHead() && bytes.data().length == 0 && ownLength != null)) {
                    contentLength(out, bytes.data().length);
                } else if (ownLength != null && (status == 304 || request.isHead())) {
                    field(out, "Content-Length", ownLength);
                }
                return ResponseBodies.Mode.NONE;
            }
            case Response.Body.Streamed _ -> {
                if (!allowed) {
                    return ResponseBodies.Mode.NONE;
                }
                if (request.http11()) {
                    out.write(CHUNKED_LINE);
                    return request.isHead() ? ResponseBodies.Mode.NONE : ResponseBodies.Mode.CHUNKED;
                }
                return request.isHead() ? ResponseBodies.Mode.NONE : ResponseBodies.Mode.RAW;
            }
        }
    }

    private static void connection(SocketOutput out, RequestHead request, boolean close) throws IOException {
        if (close) {
            out.write(CLOSE_LINE);
        } else if (!request.http11()) {
            out.write(KEEP_ALIVE_LINE);
        }
    }

    private static void contentLength(SocketOutput out, long length) throws IOException {
        out.write(CONTENT_LENGTH);
        out.writeLatin1(Long.toString(length));
        out.crlf();
    }

    private static void field(SocketOutput out, String name, String value) throws IOException {
        out.writeLatin1(name);
        out.writeByte(':');
        out.writeByte(' ');
        out.writeLatin1(value);
        out.crlf();
    }

    private static boolean framing(String name) {
        return switch (name.length()) {
            case 10 -> name.equalsIgnoreCase("Connection");
            case 14 -> name.equalsIgnoreCase("Content-Length");
            case 17 -> name.equalsIgnoreCase("Transfer-Encoding");
            default -> false;
        };
    }
}
