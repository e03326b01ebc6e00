package dev.spawning.undertow;

import io.undertow.util.DateUtils;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.xnio.StreamConnection;

/**
 * Error responses written straight to a connection, where no exchange exists to carry them: the
 * 408 for a head that did not complete within {@code header_timeout}, and the 400 that replaces
 * Undertow's own for a request it could not parse. Like every other response they carry
 * {@code Date}, {@code Server} and {@code Connection: close}.
 */
final class ErrorBytes {

    static final String REQUEST_TIMEOUT = "408 Request Timeout";
    static final String BAD_REQUEST = "400 Bad Request";

    private ErrorBytes() {
    }

    /** The whole response for {@code statusLine} (such as {@code 408 Request Timeout}), dated now. */
    static byte[] response(String statusLine) {
        String text = body(statusLine);
        return ("HTTP/1.1 " + statusLine + "\r\n"
                + "Date: " + DateUtils.toDateString(new Date()) + "\r\n"
                + "Server: " + ResponseWriter.SERVER + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + text.length() + "\r\n"
                + "Connection: close\r\n\r\n" + text).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@return how many body bytes the response for {@code statusLine} has} */
    static int bodyBytes(String statusLine) {
        return body(statusLine).length();
    }

    private static String body(String statusLine) {
        return statusLine.substring(4) + "\n";
    }

    /**
     * Writes the response without blocking and closes the connection. Called on the connection's
     * IO thread when nothing else is being written; a few hundred bytes fit an idle socket's
     * buffer, and a client too slow to take them loses them with the close, as Undertow's own
     * 400 would.
     */
    static void sendAndClose(StreamConnection channel, String statusLine) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(response(statusLine));
            channel.getSinkChannel().write(bytes);
            channel.getSinkChannel().flush();
        } catch (IOException clientGone) {
            // The close below is all that is left to do.
        } finally {
            Quietly.close(channel);
        }
    }
}
