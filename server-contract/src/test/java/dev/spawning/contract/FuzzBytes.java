package dev.spawning.contract;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Byte-array helpers of the differential fuzzer: ISO-8859-1 conversion, splicing, searching, and
 * the escaped form in which an input is printed ({@code \r}, {@code \n}, {@code \t},
 * {@code \x00}; a backslash is {@code \\}). Stateless.
 */
final class FuzzBytes {

    private static final byte[] HTTP_1 = ascii("HTTP/1.");

    private FuzzBytes() {
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** {@code bytes} with {@code [from, to)} replaced by {@code replacement}. */
    static byte[] splice(byte[] bytes, int from, int to, byte[] replacement) {
        byte[] result = new byte[bytes.length - (to - from) + replacement.length];
        System.arraycopy(bytes, 0, result, 0, from);
        System.arraycopy(replacement, 0, result, from, replacement.length);
        System.arraycopy(bytes, to, result, from + replacement.length, bytes.length - to);
        return result;
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] result = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }

    /** The first index at or after {@code from} where {@code needle} starts, or -1. */
    static int indexOf(byte[] bytes, byte[] needle, int from) {
        for (int i = Math.max(0, from); i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = Math.max(0, from); i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a response status line starts at {@code at}. */
    static boolean statusLineAt(byte[] bytes, int at) {
        return at + HTTP_1.length <= bytes.length && Arrays.equals(bytes, at, at + HTTP_1.length, HTTP_1, 0, HTTP_1.length);
    }

    /** {@code 'a'} repeated: filler for lines and bodies of a chosen length. */
    static String filler(char letter, int count) {
        return String.valueOf(letter).repeat(Math.max(0, count));
    }

    /** The bytes as printable ASCII with escapes, at most {@code limit} bytes of them. */
    static String escape(byte[] bytes, int limit) {
        StringBuilder text = new StringBuilder();
        int shown = Math.min(bytes.length, limit);
        for (int i = 0; i < shown; i++) {
            appendEscaped(text, bytes[i] & 0xff);
        }
        if (shown < bytes.length) {
            text.append("...(").append(bytes.length - shown).append(" more bytes)");
        }
        return text.toString();
    }

    /**
     * Escapes, shortening a run of one repeated byte longer than 16 to {@code a{5000}}, and keeps
     * the start and the end of a text longer than {@code limit} characters. For reading (a literal
     * brace makes it ambiguous); the exact bytes come from the reproduction command.
     */
    static String escapeCompact(byte[] bytes, int limit) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, run; i < bytes.length; i += run) {
            run = 1;
            while (i + run < bytes.length && bytes[i + run] == bytes[i]) {
                run++;
            }
            appendEscaped(text, bytes[i] & 0xff);
            if (run > 16) {
                text.append('{').append(run).append('}');
            } else {
                for (int k = 1; k < run; k++) {
                    appendEscaped(text, bytes[i] & 0xff);
                }
            }
        }
        if (text.length() <= limit) {
            return text.toString();
        }
        int head = limit * 2 / 3;
        int tail = limit - head;
        return text.substring(0, head) + " ...(" + (text.length() - head - tail) + " characters left out)... "
                + text.substring(text.length() - tail);
    }

    private static void appendEscaped(StringBuilder text, int value) {
        switch (value) {
            case '\r' -> text.append("\\r");
            case '\n' -> text.append("\\n");
            case '\t' -> text.append("\\t");
            case '\\' -> text.append("\\\\");
            default -> {
                if (value < 0x20 || value >= 0x7f) {
                    text.append(String.format("\\x%02x", value));
                } else {
                    text.append((char) value);
                }
            }
        }
    }
}
