package dev.spawning.factory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes, written in settings as {@code 8192}, {@code 64k}, {@code 10m} or {@code 1g}
 * (powers of 1024; {@code kb}, {@code kib} and the like are accepted too).
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(?:([kmgt])(?:i?b)?|b)?");

    public ByteSize {
        if (bytes < 0) {
            throw new FactoryException("A size cannot be negative: " + bytes);
        }
    }

    public static ByteSize ofBytes(long bytes) {
        return new ByteSize(bytes);
    }

    public static ByteSize ofKilobytes(long kilobytes) {
        return new ByteSize(Math.multiplyExact(kilobytes, 1024L));
    }

    /** Parses {@code 64k} and the like; empty when the text is not a size. */
    public static Optional<ByteSize> parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long number = Long.parseLong(m.group(1));
            int shift = m.group(2) == null ? 0 : 10 * ("kmgt".indexOf(m.group(2).charAt(0)) + 1);
            if (shift > 0 && number > (Long.MAX_VALUE >> shift)) {
                return Optional.empty();
            }
            return Optional.of(new ByteSize(number << shift));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(ByteSize other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return bytes + " bytes";
    }
}
