package dev.spawning.coroutine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header line (RFC 9110 section 5.6.7), formatted once per second and shared by
 * every connection: formatting a date per response would cost more than parsing the request.
 *
 * <p>Thread-safe without locks: the current line is an immutable value in a volatile field; two
 * threads that both see a new second both format it, and either result is right.
 */
final class HttpDate {

    /** IMF-fixdate: a two-digit day, where the JDK's RFC 1123 format writes {@code 7 Dec}. */
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private record Line(long second, byte[] bytes) {
    }

    private static volatile Line current = new Line(-1, new byte[0]);

    private HttpDate() {
    }

    /** {@code Date: Sun, 06 Nov 1994 08:49:37 GMT} and CRLF, for the current second. */
    static byte[] line() {
        long second = System.currentTimeMillis() / 1000;
        Line now = current;
        if (now.second() != second) {
            String text = "Date: " + FORMAT.format(Instant.ofEpochSecond(second)) + "\r\n";
            now = new Line(second, text.getBytes(StandardCharsets.US_ASCII));
            current = now;
        }
        return now.bytes();
    }
}
