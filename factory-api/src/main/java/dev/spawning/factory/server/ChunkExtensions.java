package dev.spawning.factory.server;

/**
 * The chunk extensions after a chunk size (RFC 9112 section 7.1.1):
 * {@code *( BWS ";" BWS token [ BWS "=" BWS ( token / quoted-string ) ] )}. Nothing else may
 * follow the size: no bare {@code ;}, no space without an extension after it, no control byte.
 * Stateless.
 */
final class ChunkExtensions {

    private ChunkExtensions() {
    }

    /** Whether {@code buf[from, to)} is a run of valid chunk extensions (possibly none). */
    static boolean valid(byte[] buf, int from, int to) {
        int at = from;
        while (at < to) {
            at = whitespace(buf, at, to);
            if (at == to || buf[at] != ';') {
                return false;
            }
            at = token(buf, whitespace(buf, at + 1, to), to);
            if (at < 0) {
                return false;
            }
            int equals = whitespace(buf, at, to);
            if (equals < to && buf[equals] == '=') {
                int value = whitespace(buf, equals + 1, to);
                at = value < to && buf[value] == '"' ? quoted(buf, value, to) : token(buf, value, to);
                if (at < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The index after a non-empty token starting at {@code from}, or -1. */
    private static int token(byte[] buf, int from, int to) {
        int at = from;
        while (at < to && Syntax.tchar(buf[at])) {
            at++;
        }
        return at == from ? -1 : at;
    }

    /** The index after a quoted string starting at its opening quote, or -1. */
    private static int quoted(byte[] buf, int from, int to) {
        for (int at = from + 1; at < to; at++) {
            byte b = buf[at];
            if (b == '"') {
                return at + 1;
            }
            if (b == '\\') {
                if (++at == to || !Syntax.quotable(buf[at])) {
                    return -1;
                }
            } else if (!Syntax.qdtext(b)) {
                return -1;
            }
        }
        return -1;
    }

    private static int whitespace(byte[] buf, int from, int to) {
        int at = from;
        while (at < to && Syntax.whitespace(buf[at])) {
            at++;
        }
        return at;
    }
}
