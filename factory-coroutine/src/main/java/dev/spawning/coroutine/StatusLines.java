package dev.spawning.coroutine;

import dev.spawning.factory.Response;
import java.nio.charset.StandardCharsets;

/**
 * Status lines as bytes, made once for every version and status when the class loads (so the
 * tables are safely published and never written again): {@code HTTP/1.1 200 OK} and CRLF. The
 * reason phrases are {@link Response#reasonPhrase}'s, the same on every provider.
 */
final class StatusLines {

    private static final byte[][] HTTP11 = new byte[1000][];
    private static final byte[][] HTTP10 = new byte[1000][];

    static {
        for (int status = 100; status < 1000; status++) {
            String rest = " " + status + " " + reason(status) + "\r\n";
            HTTP11[status] = ("HTTP/1.1" + rest).getBytes(StandardCharsets.US_ASCII);
            HTTP10[status] = ("HTTP/1.0" + rest).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private StatusLines() {
    }

    /** The status line for a status from 100 to 999. */
    static byte[] of(int status, boolean http11) {
        return (http11 ? HTTP11 : HTTP10)[status];
    }

    static String reason(int status) {
        return Response.reasonPhrase(status);
    }
}
