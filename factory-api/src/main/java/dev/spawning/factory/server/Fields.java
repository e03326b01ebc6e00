package dev.spawning.factory.server;

import dev.spawning.factory.Headers;
import java.nio.charset.StandardCharsets;

/**
 * Header (or trailer) field lines: checks each line's syntax (RFC 9112 section 5) and the limits
 * on their number and total size, and collects them in order of arrival. One instance per head or
 * trailer section; not thread-safe.
 */
final class Fields {

    private final int maxCount;
    private final long maxTotal;
    private final Headers.Builder fields = Headers.builder();
    private int count;
    private long total;
    private String lastValue;

    Fields(int maxCount, long maxTotal) {
        this.maxCount = maxCount;
        this.maxTotal = maxTotal;
    }

    /**
     * Adds the field line {@code buf[start, end)} (CRLF excluded) and returns its name; its value
     * is then {@link #lastValue()}.
     *
     * @throws HttpRefusal 431 past the count or size limit (checked first), else 400 for a
     *                     malformed line
     */
    String add(byte[] buf, int start, int end) throws HttpRefusal {
        total += end - start + 2;
        if (++count > maxCount || total > maxTotal) {
            throw new HttpRefusal(431, "too many header fields or bytes");
        }
        if (Syntax.whitespace(buf[start])) {
            throw HttpRefusal.badRequest("obsolete line folding");
        }
        int colon = start;
        while (colon < end && buf[colon] != ':') {
            if (!Syntax.tchar(buf[colon++])) {
                throw HttpRefusal.badRequest("a field name must be a token");
            }
        }
        if (colon == start || colon == end) {
            throw HttpRefusal.badRequest("a field line needs a name and a colon");
        }
        String name = new String(buf, start, colon - start, StandardCharsets.ISO_8859_1);
        lastValue = value(buf, colon + 1, end);
        fields.add(name, lastValue);
        return name;
    }

    /** The value of the field added last, trimmed. */
    String lastValue() {
        return lastValue;
    }

    Headers build() {
        return fields.build();
    }

    /** The value between {@code start} and {@code end}, without surrounding spaces and tabs. */
    private static String value(byte[] buf, int start, int end) throws HttpRefusal {
        while (start < end && Syntax.whitespace(buf[start])) {
            start++;
        }
        while (end > start && Syntax.whitespace(buf[end - 1])) {
            end--;
        }
        for (int i = start; i < end; i++) {
            if (!Syntax.fieldValue(buf[i])) {
                throw HttpRefusal.badRequest("a control character in a field value");
            }
        }
        return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
