package dev.spawning.factory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes, written in settings as {@code 8192}, {@code 64k}, {@code 10m} or {@code 1g}
 * (powers of 1024; {@code kb}, {@code kib} and the like are accepted too).
 *
 * @param bytes the number of bytes; not negative
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(?:([kmgt])(?:i?b)?|b)?");

    /**
     * Checks the number.
     *
     * @throws FactoryException for a negative number
     */
    public ByteSize {
        if (bytes < 0) {
            throw new FactoryException("A size cannot be negative: " + bytes);
        }
    }

    /**
     * A size of {@code bytes} bytes.
     *
     * @param bytes the number of bytes
     * @return the size
     * @throws FactoryException for a negative number
     */
    public static ByteSize ofBytes(long bytes) {
        return new ByteSize(bytes);
    }

    /**
     * A size of {@code kilobytes} times 1024 bytes.
     *
     * @param kilobytes the number of kilobytes
     * @return the size
     * @throws FactoryException for a negative number
     * @throws ArithmeticException when the bytes overflow a {@code long}
     */
    public static ByteSize ofKilobytes(long kilobytes) {
        return new ByteSize(Math.multiplyExact(kilobytes, 1024L));
    }

    /**
     * Parses {@code 64k} and the like: digits, then optionally {@code b}, or {@code k}, {@code m},
     * {@code g} or {@code t} followed by an optional {@code b} or {@code ib}; any case, spaces
     * around and before the unit allowed.
     *
     * @param text the text of a setting
     * @return the size; empty when the text is not a size, or one too large for a {@code long}
     */
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
