package dev.spawning.contract;

import static dev.spawning.contract.FuzzStep.pick;

import dev.spawning.contract.FuzzLayout.Line;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Mutations of a chunked body: a chunk size written another way (case, leading zeros, a sign,
 * {@code 0x}, whitespace, off by one, too large) or a chunk extension added (a bare {@code ;}, an
 * invalid token, quoted strings good and bad, control bytes). Null when the body is not chunked.
 * Stateless.
 */
final class FuzzChunks {

    private static final List<String> EXTENSIONS = List.of(";", "; ", ";a", ";a=b", ";a=\"q\"", ";a=\"un", " ;a=b",
            ";a=b ", "; a = b", ";a=", ";=b", ";@", ";a=b;c=d", ";a\u0001", ";a=\"\\\"\"", ";" + "x".repeat(300),
            ";a=\"b\rc\"", ";a=\"b\u0000\"", "\t;a", ";a,b", ";a=b=c", ";;");

    private FuzzChunks() {
    }

    static FuzzStep mutate(byte[] bytes, FuzzLayout layout, SplittableRandom random) {
        if (layout.chunkSizes().isEmpty()) {
            return null;
        }
        Line line = pick(random, layout.chunkSizes());
        String text = line.text(bytes);
        int digits = digitCount(text);
        return random.nextBoolean() ? size(bytes, line, text.substring(0, digits), random)
                : extension(bytes, line, digits, random);
    }

    private static FuzzStep size(byte[] bytes, Line line, String digits, SplittableRandom random) {
        long size = Long.parseLong(digits, 16);
        String hex = Long.toHexString(size);
        String replaced = pick(random, List.of(hex.toUpperCase(Locale.ROOT), "000" + hex, "+" + hex, "-" + hex,
                "0x" + hex, hex + " ", " " + hex, hex + "\t", Long.toHexString(size + 1),
                Long.toHexString(Math.max(0, size - 1)), "F".repeat(17), "g", "", "0", "1_0", hex + "\u0000"));
        return new FuzzStep("chunk size " + digits + " becomes " + FuzzBytes.escape(FuzzBytes.ascii(replaced), 40),
                FuzzBytes.splice(bytes, line.start(), line.start() + digits.length(), FuzzBytes.ascii(replaced)));
    }

    /** Replaces whatever follows the size on its line by an extension. */
    private static FuzzStep extension(byte[] bytes, Line line, int digits, SplittableRandom random) {
        byte[] extension = FuzzBytes.ascii(pick(random, EXTENSIONS));
        return new FuzzStep("chunk extension " + FuzzBytes.escapeCompact(extension, 60) + " after size "
                + line.text(bytes).substring(0, digits), FuzzBytes.splice(bytes, line.start() + digits, line.end(), extension));
    }

    private static int digitCount(String text) {
        int count = 0;
        while (count < text.length() && Character.digit(text.charAt(count), 16) >= 0) {
            count++;
        }
        return count;
    }
}
