package dev.spawning.core;

/**
 * Python's {@code repr} of a string, so that messages taken from Paste Deploy read exactly as a
 * Paste user knows them ({@code 'value'}, or {@code "it's"} when the text holds a single quote).
 * Characters Python does not print (controls, format characters, separators other than the space,
 * unassigned and private-use code points, lone surrogates) are escaped as Python escapes them:
 * &#92;xNN, &#92;uNNNN or &#92;UNNNNNNNN.
 */
final class PyRepr {

    private PyRepr() {
    }

    static String of(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append((char) c);
                    } else if (isPrintable(c)) {
                        out.appendCodePoint(c);
                    } else {
                        out.append(escape(c));
                    }
                }
            }
        });
        return out.append(quote).toString();
    }

    /** Python's {@code str.isprintable} for one code point. */
    private static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    private static String escape(int c) {
        if (c < 0x100) {
            return String.format("\\x%02x", c);
        }
        return c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
    }
}
