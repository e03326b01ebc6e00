package dev.spawning.factory.server;

/**
 * Finds where the line starting at a given byte ends, over input that arrives in pieces: a line
 * is complete at its LF, which must follow a CR (RFC 9112 section 2.2: a bare LF is refused, and
 * a bare CR elsewhere is refused by the checks of the line's content). Remembers how far it has
 * looked, so that bytes are scanned once however the line is split.
 *
 * <p>One per decoder; not thread-safe.
 */
final class LineFinder {

    /** Bytes of the current line already scanned and known to hold no LF. */
    private int scanned;

    /**
     * The index of the LF ending the line that starts at {@code from}, or -1 when it is not in
     * {@code buf[from, to)} yet. The line must hold at most {@code max} bytes before its CRLF.
     *
     * @throws HttpRefusal {@code tooLong} past {@code max}; 400 for an LF without its CR
     */
    int lineEnd(byte[] buf, int from, int to, int max, int tooLong) throws HttpRefusal {
        int end = (int) Math.min(to, (long) from + max + 2);
        for (int i = from + scanned; i < end; i++) {
            if (buf[i] == '\n') {
                scanned = 0;
                if (i == from || buf[i - 1] != '\r') {
                    throw HttpRefusal.badRequest("a line must end with CRLF");
                }
                return i;
            }
        }
        scanned = end - from;
        if ((long) scanned >= (long) max + 2) {
            throw new HttpRefusal(tooLong, "line longer than " + max + " bytes");
        }
        return -1;
    }

    /** Bytes of an incomplete line seen so far. */
    int pending() {
        return scanned;
    }

    void reset() {
        scanned = 0;
    }
}
