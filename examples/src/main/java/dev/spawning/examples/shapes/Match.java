package dev.spawning.examples.shapes;

import java.util.Objects;

/**
 * The outcome of matching a JSON value against a {@link Shape}: {@link Matched}, or a
 * {@link Mismatch} that names the first place that failed.
 */
public sealed interface Match permits Match.Matched, Match.Mismatch {

    /** {@return whether the value has the shape} */
    boolean matches();

    /** The value has the shape. */
    record Matched() implements Match {

        @Override
        public boolean matches() {
            return true;
        }
    }

    /**
     * The value does not have the shape.
     *
     * @param path   where it failed, as a JSON path from the matched value: {@code $},
     *               {@code $.add}, {@code $.items[2]}, {@code $['a key']}
     * @param depth  how many steps {@code path} goes down from {@code $} (0 for {@code $}); a
     *               deeper mismatch is a closer miss, which is how a caller choosing among
     *               several shapes may pick the most telling one
     * @param reason why, such as {@code expected an integer, found a string} or
     *               {@code missing key "add"}
     */
    record Mismatch(String path, int depth, String reason) implements Match {

        /** Checks the parts. */
        public Mismatch {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
            if (depth < 0) {
                throw new IllegalArgumentException("depth must not be negative: " + depth);
            }
        }

        @Override
        public boolean matches() {
            return false;
        }

        /** {@return {@code PATH: REASON}, such as {@code $.add: expected an integer, found a string}} */
        @Override
        public String toString() {
            return path + ": " + reason;
        }
    }
}
