package dev.spawning.factory.server;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The access log line of {@code access_log_format = json}: one JSON object (RFC 8259) with fixed
 * field names, in a fixed order, for log shippers.
 *
 * <pre>{@code
 * {"time":"2000-10-10T20:55:36.000Z","remote_addr":"127.0.0.1","method":"GET","target":"/a?x=1",
 *  "protocol":"HTTP/1.1","status":200,"bytes":1234,"referer":null,"user_agent":"curl/8.5","duration_us":1520}
 * }</pre>
 *
 * (on one line). {@code time} is the start of the request in UTC, to the millisecond; a missing
 * remote address, {@code Referer} or {@code User-Agent} is {@code null}. Every string is escaped
 * here rather than with a JSON library, so that the API module needs none: {@code "}, {@code \}
 * and the control characters (below U+0020, and U+007F) are escaped, and so are U+2028 and U+2029
 * (which some JavaScript parsers take for line ends) and any surrogate without its pair, so that
 * a line is always valid JSON and never more than one line, whatever a client sends.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonAccessLine {

    /** The format name that chooses this line. */
    static final String FORMAT = "json";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonAccessLine() {
    }

    /** Appends the object of {@code entry}, without a line break. */
    static void append(AccessLog.Entry entry, StringBuilder out) {
        out.append("{\"time\":\"");
        TIME.formatTo(entry.start(), out);
        out.append("\",\"remote_addr\":");
        string(AccessLog.remoteAddress(entry.request().remoteAddress()), out);
        out.append(",\"method\":");
        string(entry.request().method(), out);
        out.append(",\"target\":");
        string(entry.request().target(), out);
        out.append(",\"protocol\":");
        string(entry.request().version(), out);
        out.append(",\"status\":").append(entry.status());
        out.append(",\"bytes\":").append(entry.bytesSent());
        out.append(",\"referer\":");
        string(entry.request().header("Referer"), out);
        out.append(",\"user_agent\":");
        string(entry.request().header("User-Agent"), out);
        out.append(",\"duration_us\":").append(entry.duration().toNanos() / 1_000).append('}');
    }

    private static void string(Optional<String> value, StringBuilder out) {
        if (value.isPresent()) {
            string(value.get(), out);
        } else {
            out.append("null");
        }
    }

    /** A JSON string of {@code text}, or {@code null} for none. */
    static void string(String text, StringBuilder out) {
        if (text == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || lone(text, i)) {
                out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** Whether the char at {@code i} is a surrogate without its pair. */
    private static boolean lone(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }
}
