package dev.spawning.coroutine;

/**
 * The character classes of RFC 9110 and 9112 that the parser checks bytes against, as lookup
 * tables: one array index per byte instead of a chain of comparisons.
 */
final class Syntax {

    private static final boolean[] TCHAR = new boolean[256];
    private static final boolean[] FIELD_VALUE = new boolean[256];
    private static final boolean[] TARGET = new boolean[256];
    private static final boolean[] REG_NAME = new boolean[256];

    static {
        for (int c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
        for (int c = 0x20; c < 256; c++) {
            FIELD_VALUE[c] = c != 0x7f;
            TARGET[c] = c != 0x7f && c != ' ';
        }
        FIELD_VALUE['\t'] = true;
        for (int c = 0; c < 256; c++) {
            REG_NAME[c] = TCHAR[c] && c != '#' && c != '^' && c != '`' && c != '|';
        }
        for (char c : "()*,;=:".toCharArray()) {
            REG_NAME[c] = true;
        }
    }

    private Syntax() {
    }

    /** A token character (RFC 9110 section 5.6.2). */
    static boolean tchar(byte b) {
        return TCHAR[b & 0xff];
    }

    /** A byte allowed in a field value: visible, space, tab or obs-text; no other control. */
    static boolean fieldValue(byte b) {
        return FIELD_VALUE[b & 0xff];
    }

    /** A byte allowed in a request target: no whitespace, no control. */
    static boolean target(byte b) {
        return TARGET[b & 0xff];
    }

    /** A byte of a host name or of user info (unreserved, percent, sub-delims, colon). */
    static boolean regName(char c) {
        return c < 256 && REG_NAME[c];
    }

    static boolean whitespace(byte b) {
        return b == ' ' || b == '\t';
    }
}
