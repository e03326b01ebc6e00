package dev.spawning.factory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Splits a raw request target into a decoded path and a raw query. */
final class Targets {

    private Targets() {
    }

    /**
     * The raw query of {@code target}: after the first {@code ?}, before any {@code #}; a {@code ?}
     * after the {@code #} belongs to the fragment.
     */
    static String query(String target) {
        int hash = target.indexOf('#');
        int end = hash < 0 ? target.length() : hash;
        int question = target.indexOf('?');
        return question < 0 || question > end ? "" : target.substring(question + 1, end);
    }

    /**
     * The percent-decoded path of {@code target}; for an absolute target the path after the
     * authority, for {@code *} and authority-form targets {@code ""}.
     */
    static String decodedPath(String target) {
        return percentDecode(rawPath(target));
    }

    static String rawPath(String target) {
        int end = firstOf(target, '?', '#');
        String path = target.substring(0, end);
        if (path.startsWith("/")) {
            return path;
        }
        int scheme = path.indexOf("://");
        if (scheme > 0) {
            int slash = path.indexOf('/', scheme + 3);
            return slash < 0 ? "/" : path.substring(slash);
        }
        return "";
    }

    /** Decodes {@code %XX} escapes into bytes; a malformed escape stays as it is. */
    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (c == '%' && low >= 0) {
                out.write(high * 16 + low);
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static int firstOf(String text, char a, char b) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return text.length();
    }
}
