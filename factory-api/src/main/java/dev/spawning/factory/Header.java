package dev.spawning.factory;

import java.util.Objects;

/**
 * One header field as it was received or will be sent: the name keeps its spelling, the value is
 * the raw bytes read as ISO-8859-1 (one character per byte).
 */
public record Header(String name, String value) {

    /** Rejects what would split a message: an empty name, CR, LF or NUL anywhere. */
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new FactoryException("A header name must not be empty");
        }
        checkNoBreaks(name, "name");
        checkNoBreaks(value, "value");
    }

    /** True when this field's name is {@code other}, compared without regard to ASCII case. */
    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    private static void checkNoBreaks(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new FactoryException(
                        "A header " + what + " must not contain CR, LF or NUL: '" + text.replace("\r", "\\r")
                                .replace("\n", "\\n").replace("\0", "\\0") + "'");
            }
        }
    }
}
