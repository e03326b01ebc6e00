package dev.spawning.factory.server;

/**
 * The character classes of RFC 9110, 9112 and 3986 that the decoders check bytes against, as
 * lookup tables: one array index per byte instead of a chain of comparisons.
 */
final class Syntax {

    private static final boolean[] TCHAR = new boolean[256];
    private static final boolean[] FIELD_VALUE = new boolean[256];
    private static final boolean[] TARGET = new boolean[256];
    private static final boolean[] REG_NAME = new boolean[256];
    private static final boolean[] QDTEXT = new boolean[256];

    static {
        String unreserved = "-._~";
        String subDelims = "!$&'()*+,;=";
        for (int c = 0; c < 256; c++) {
            boolean alphaNum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            TCHAR[c] = alphaNum || (c < 128 && "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
            FIELD_VALUE[c] = c == '\t' || (c >= 0x20 && c != 0x7f);
            REG_NAME[c] = alphaNum || (c < 128 && (unreserved + subDelims).indexOf(c) >= 0);
            TARGET[c] = REG_NAME[c] || (c < 128 && ":@/?%[]".indexOf(c) >= 0);
            QDTEXT[c] = c == '\t' || c == ' ' || c == 0x21 || (c >= 0x23 && c <= 0x5b) || (c >= 0x5d && c <= 0x7e)
                    || c >= 0x80;
        }
    }

    private Syntax() {
    }

    /** A token character (RFC 9110 section 5.6.2). */
    static boolean tchar(int b) {
        return TCHAR[b & 0xff];
    }

    /** A byte allowed in a field value: visible, space, tab or obs-text; no other control. */
    static boolean fieldValue(int b) {
        return FIELD_VALUE[b & 0xff];
    }

    /**
     * A byte RFC 3986 allows somewhere in a request target: unreserved, sub-delims, {@code :},
     * {@code @}, {@code /}, {@code ?}, {@code %}, and the brackets of an IP literal. Where each
     * may stand is {@link RequestTargets}' concern.
     */
    static boolean target(int b) {
        return TARGET[b & 0xff];
    }

    /** A byte of a registered name or of user info, besides percent escapes: unreserved or sub-delims. */
    static boolean regName(int c) {
        return c < 256 && REG_NAME[c];
    }

    /** A byte of a quoted string that needs no backslash (RFC 9110 section 5.6.4). */
    static boolean qdtext(int b) {
        return QDTEXT[b & 0xff];
    }

    /** A byte a quoted string may escape with a backslash: tab, space, visible or obs-text. */
    static boolean quotable(int b) {
        int c = b & 0xff;
        return c == '\t' || (c >= 0x20 && c != 0x7f);
    }

    static boolean whitespace(int b) {
        return b == ' ' || b == '\t';
    }

    static int hexDigit(int b) {
        return Character.digit(b & 0xff, 16);
    }
}
