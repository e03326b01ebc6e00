package dev.spawning.examples;

import java.io.Serial;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;

/**
 * JSON's standard escapes plus DEL (0x7F), which Jackson otherwise writes raw even with
 * {@code ESCAPE_NON_ASCII}. Together with that feature every character outside printable ASCII
 * becomes a <code>&#92;uXXXX</code> escape (or {@code \t}, {@code \n} and the like).
 */
final class PrintableAsciiEscapes extends CharacterEscapes {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final int[] CODES = codes();

    @Override
    public int[] getEscapeCodesForAscii() {
        return CODES;
    }

    /** No custom sequences: every escape here is a standard one. */
    @Override
    public SerializableString getEscapeSequence(int ch) {
        return null;
    }

    private static int[] codes() {
        int[] codes = standardAsciiEscapesForJSON();
        codes[0x7F] = ESCAPE_STANDARD;
        return codes;
    }
}
