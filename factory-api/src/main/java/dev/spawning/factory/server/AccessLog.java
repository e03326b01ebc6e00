package dev.spawning.factory.server;

import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Headers;
import dev.spawning.factory.Request;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Formats access log lines with Gunicorn's {@code %(name)s} atoms, so that every server provider
 * writes the same line for the same request. The format is parsed once, when compiled; a format
 * naming an atom that does not exist fails then, not on the first request.
 *
 * <pre>{@code
 * AccessLog log = AccessLog.compile(ServerSettings.COMBINED_LOG_FORMAT);
 * String line = log.line(new AccessLog.Entry(request, 200, 1234, responseHeaders, start, took));
 * // 127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /a HTTP/1.1" 200 1234 "-" "curl/8.5" 1520
 * }</pre>
 *
 * <table>
 *   <caption>Atoms</caption>
 *   <tr><th>atom</th><th>value</th></tr>
 *   <tr><td>{@code h}</td><td>remote address, {@code -} when unknown</td></tr>
 *   <tr><td>{@code l}, {@code u}</td><td>{@code -} (no identd, no user)</td></tr>
 *   <tr><td>{@code t}</td><td>start of the request, {@code [dd/Mon/yyyy:HH:mm:ss +zzzz]}</td></tr>
 *   <tr><td>{@code r}</td><td>request line: method, target, version</td></tr>
 *   <tr><td>{@code m}, {@code U}, {@code q}, {@code H}</td><td>method, decoded path, raw query, version</td></tr>
 *   <tr><td>{@code s}</td><td>status</td></tr>
 *   <tr><td>{@code B}, {@code b}</td><td>body bytes sent; {@code b} writes {@code -} for none</td></tr>
 *   <tr><td>{@code f}, {@code a}</td><td>{@code Referer}, {@code User-Agent}, {@code -} when absent</td></tr>
 *   <tr><td>{@code T}, {@code M}, {@code D}, {@code L}</td>
 *       <td>duration in whole seconds, milliseconds, microseconds, decimal seconds</td></tr>
 *   <tr><td>{@code p}</td><td>process id, as Gunicorn writes it: {@code <1234>}</td></tr>
 *   <tr><td>{@code {name}i}, {@code {name}o}</td><td>a request or response header, {@code -} when absent</td></tr>
 * </table>
 *
 * <p>The format {@code json} writes one JSON object per line instead, whose fields are fixed:
 * {@code time} (the start, ISO-8601 in UTC), {@code remote_addr}, {@code method}, {@code target},
 * {@code protocol}, {@code status}, {@code bytes} (as {@code B}), {@code referer},
 * {@code user_agent} (both {@code null} when absent) and {@code duration_us}:
 *
 * <pre>{@code
 * {"time":"2000-10-10T20:55:36.000Z","remote_addr":"127.0.0.1","method":"GET","target":"/a",...,"duration_us":1520}
 * }</pre>
 *
 * <p>{@code %%} writes one {@code %}. Unlike Gunicorn, text taken from the request or the response
 * headers is escaped as Apache escapes it ({@code \"}, {@code \\}, {@code \xhh} for control
 * characters), so that a client cannot forge a line or break a quoted field.
 *
 * <p>Immutable and thread-safe: one instance formats lines for every request thread at once.
 */
public final class AccessLog {

    /** The atom names this class knows, as listed in error messages. */
    static final String KNOWN_ATOMS = "h l u t r m U q H s B b f a T M D L p {header}i {header}o";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("'['dd/MMM/yyyy:HH:mm:ss Z']'", Locale.ENGLISH);
    private static final String PID = "<" + ProcessHandle.current().pid() + ">";

    private final String format;
    private final List<Part> parts;

    private AccessLog(String format, List<Part> parts) {
        this.format = format;
        this.parts = parts;
    }

    /**
     * Parses a format such as {@link ServerSettings#COMBINED_LOG_FORMAT}, or takes {@code json}: a
     * JSON object per line, with fixed field names ({@code docs} of {@code access_log_format} in
     * the README).
     *
     * @param format {@code json}, or text with {@code %(name)s} atoms and {@code %%} for a {@code %}
     * @return the compiled format
     * @throws FactoryException naming the first unknown atom or stray {@code %}
     */
    public static AccessLog compile(String format) {
        Objects.requireNonNull(format, "format");
        if (format.equals(JsonAccessLine.FORMAT)) {
            return new AccessLog(format, List.of(JsonAccessLine::append));
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%') {
                literal.append(c);
                i++;
            } else if (format.startsWith("%%", i)) {
                literal.append('%');
                i += 2;
            } else {
                int end = atomEnd(format, i);
                flush(literal, parts);
                parts.add(atom(format.substring(i + 2, end - 2)));
                i = end;
            }
        }
        flush(literal, parts);
        return new AccessLog(format, List.copyOf(parts));
    }

    /** {@return the format this was compiled from} */
    public String format() {
        return format;
    }

    /**
     * Formats one line.
     *
     * @param entry what the line describes
     * @return the line, without a line break
     */
    public String line(Entry entry) {
        StringBuilder out = new StringBuilder(160);
        for (Part part : parts) {
            part.append(entry, out);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "AccessLog[" + format + "]";
    }

    /**
     * What one access log line describes.
     *
     * @param request         the request as the server received it (its body is not touched)
     * @param status          the status sent
     * @param bytesSent       body bytes written to the client, 0 for none
     * @param responseHeaders the header fields of the response as the app gave them
     * @param start           when the request started, in the zone the line should show
     * @param duration        from the start of the request to the end of its response
     */
    public record Entry(Request request, int status, long bytesSent, Headers responseHeaders,
            ZonedDateTime start, Duration duration) {

        /**
         * Checks that every part but the numbers is there.
         *
         * @throws NullPointerException for a {@code null} request, headers, start or duration
         */
        public Entry {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(responseHeaders, "responseHeaders");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** A piece of a line: literal text or one atom. */
    @FunctionalInterface
    private interface Part {
        void append(Entry entry, StringBuilder out);
    }

    private static int atomEnd(String format, int percent) {
        int close = format.indexOf(')', percent);
        if (!format.startsWith("%(", percent) || close < 0 || !format.startsWith("s", close + 1)) {
            throw new FactoryException("a '%' at position " + (percent + 1)
                    + " must start an atom such as %(h)s or be doubled as %%");
        }
        return close + 2;
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (!literal.isEmpty()) {
            String text = literal.toString();
            parts.add((entry, out) -> out.append(text));
            literal.setLength(0);
        }
    }

    private static Part atom(String name) {
        if (name.length() > 3 && name.startsWith("{") && name.endsWith("}i")) {
            String header = name.substring(1, name.length() - 2);
            return (e, out) -> escaped(e.request().header(header), out);
        }
        if (name.length() > 3 && name.startsWith("{") && name.endsWith("}o")) {
            String header = name.substring(1, name.length() - 2);
            return (e, out) -> escaped(e.responseHeaders().first(header), out);
        }
        Part simple = simpleAtom(name);
        if (simple == null) {
            throw new FactoryException("unknown atom %(" + name + ")s (known: " + KNOWN_ATOMS + ")");
        }
        return simple;
    }

    private static Part simpleAtom(String name) {
        return switch (name) {
            case "h" -> (e, out) -> out.append(remoteHost(e.request().remoteAddress()));
            case "l", "u" -> (e, out) -> out.append('-');
            case "t" -> (e, out) -> TIME.formatTo(e.start(), out);
            case "r" -> (e, out) -> escape(requestLine(e.request()), out);
            case "m" -> (e, out) -> escape(e.request().method(), out);
            case "U" -> (e, out) -> escape(e.request().scriptName() + e.request().pathInfo(), out);
            case "q" -> (e, out) -> escape(e.request().query(), out);
            case "H" -> (e, out) -> escape(e.request().version(), out);
            case "s" -> (e, out) -> out.append(e.status());
            case "B" -> (e, out) -> out.append(e.bytesSent());
            case "b" -> (e, out) -> out.append(e.bytesSent() > 0 ? Long.toString(e.bytesSent()) : "-");
            case "f" -> (e, out) -> escaped(e.request().header("Referer"), out);
            case "a" -> (e, out) -> escaped(e.request().header("User-Agent"), out);
            case "T" -> (e, out) -> out.append(e.duration().toSeconds());
            case "M" -> (e, out) -> out.append(e.duration().toMillis());
            case "D" -> (e, out) -> out.append(e.duration().toNanos() / 1_000);
            case "L" -> (e, out) -> decimalSeconds(e.duration(), out);
            case "p" -> (e, out) -> out.append(PID);
            default -> null;
        };
    }

    private static String requestLine(Request request) {
        return request.method() + " " + request.target() + " " + request.version();
    }

    private static String remoteHost(InetSocketAddress address) {
        String host = remoteAddress(address);
        return host == null ? "-" : host;
    }

    /** {@return the IP address of a remote end, as text; {@code null} when unknown} */
    static String remoteAddress(InetSocketAddress address) {
        if (address == null) {
            return null;
        }
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }

    private static void decimalSeconds(Duration duration, StringBuilder out) {
        long micros = duration.toNanos() / 1_000;
        String fraction = Long.toString(1_000_000 + micros % 1_000_000).substring(1);
        out.append(micros / 1_000_000).append('.').append(fraction);
    }

    private static void escaped(Optional<String> value, StringBuilder out) {
        if (value.isPresent()) {
            escape(value.get(), out);
        } else {
            out.append('-');
        }
    }

    /** Apache's escaping: quote and backslash get a backslash, control characters become \xhh. */
    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                out.append(c);
            }
        }
    }
}
