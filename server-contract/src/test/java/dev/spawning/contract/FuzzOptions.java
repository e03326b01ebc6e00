package dev.spawning.contract;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * How a fuzz run is configured, from system properties (Maven passes {@code -D} options on to the
 * tests):
 *
 * <ul>
 *   <li>{@code spawning.fuzz.seed}: the seed, decimal or {@code 0x} hex (default {@value #DEFAULT_SEED})
 *   <li>{@code spawning.fuzz.inputs}: how many inputs (default {@value #DEFAULT_INPUTS})
 *   <li>{@code spawning.fuzz.only}: run this one input index and print its exchanges in full
 *   <li>{@code spawning.fuzz.parallel}: inputs in flight at once (default {@value #DEFAULT_PARALLEL})
 *   <li>{@code spawning.fuzz.silence}: milliseconds of silence after which a connection counts as
 *       kept open (default {@value #DEFAULT_SILENCE_MS})
 *   <li>{@code spawning.fuzz.selfcheck}: {@code true} sends every input twice to each provider and
 *       reports any provider that answers the same bytes differently the second time (by default
 *       only inputs the providers disagree on are replayed)
 *   <li>{@code spawning.fuzz.show}: how many differences a failure lists (default {@value #DEFAULT_SHOW})
 *   <li>{@code spawning.fuzz.logs}: {@code true} keeps the providers' logs ({@link FuzzQuietLogs})
 * </ul>
 *
 * @param seed      the run's seed
 * @param inputs    the number of inputs, indexes 0 to inputs - 1
 * @param only      the one index to run, if any
 * @param parallel  inputs in flight at once
 * @param silence   how long a silent connection is waited on
 * @param selfCheck whether every input is played twice
 * @param show      how many differences a failure lists
 */
record FuzzOptions(long seed, long inputs, OptionalLong only, int parallel, Duration silence, boolean selfCheck,
        int show) {

    static final long DEFAULT_SEED = 20_261_207L;
    static final long DEFAULT_INPUTS = 2000;
    static final int DEFAULT_PARALLEL = 32;
    static final long DEFAULT_SILENCE_MS = 1000;
    static final int DEFAULT_SHOW = 20;

    private static final String PREFIX = "spawning.fuzz.";

    static FuzzOptions fromSystemProperties() {
        String only = System.getProperty(PREFIX + "only", "").strip();
        return new FuzzOptions(number("seed", DEFAULT_SEED), number("inputs", DEFAULT_INPUTS),
                only.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.decode(only)),
                (int) number("parallel", DEFAULT_PARALLEL), Duration.ofMillis(number("silence", DEFAULT_SILENCE_MS)),
                Boolean.getBoolean(PREFIX + "selfcheck"), (int) number("show", DEFAULT_SHOW));
    }

    /** The indexes to run: the one given by {@code only}, or all of them. */
    LongStream indexes() {
        return only.isPresent() ? LongStream.of(only.getAsLong()) : LongStream.range(0, inputs);
    }

    /** The options that remake and replay input {@code index}, for Maven or {@code scripts/fuzz-providers}. */
    String reproduce(long index) {
        return "-D" + PREFIX + "seed=" + seed + " -D" + PREFIX + "only=" + index + "   (scripts/fuzz-providers --seed "
                + seed + " --only " + index + ")";
    }

    private static long number(String name, long fallback) {
        String value = System.getProperty(PREFIX + name, "").strip();
        try {
            return value.isEmpty() ? fallback : Long.decode(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("-D" + PREFIX + name + "=" + value + ": expected a whole number", notANumber);
        }
    }
}
