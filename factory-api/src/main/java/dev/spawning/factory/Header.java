package dev.spawning.factory;

import java.util.Objects;

/**
 * One header field as it was received or will be sent: the name keeps its spelling, the value is
 * the raw bytes read as ISO-8859-1 (one character per byte).
 *
 * @param name  the field name as spelled; not empty
 * @param value the field value; may be empty
 */
public record Header(String name, String value) {

    /**
     * Rejects what would split a message: an empty name, CR, LF or NUL anywhere.
     *
     * @throws FactoryException for an empty name, or CR, LF or NUL in the name or the value
     */
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new FactoryException("A header name must not be empty");
        }
        checkNoBreaks(name, "name");
        checkNoBreaks(value, "value");
    }

    /**
     * Whether this field's name is {@code other}, compared without regard to ASCII case.
     *
     * @param other a field name
     * @return true when the names are equal but for case
     */
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
