package dev.spawning.contract;

import java.util.List;
import java.util.Locale;

/**
 * One generated input: the bytes to send, how they were made, the settings both servers run with
 * and whether the client half-closes after sending. Deterministic given the seed and index that
 * {@link FuzzInputs} made it from. Immutable (the array is never written after construction).
 *
 * @param index     the input's index in the run
 * @param seed      the name of the request it was mutated from
 * @param mutations what was done to it, in order; empty for the seed unchanged
 * @param bytes     the bytes to send
 * @param profile   the server settings
 * @param halfClose whether the client shuts its output down after the bytes
 */
record FuzzInput(long index, String seed, List<String> mutations, byte[] bytes, FuzzProfile profile,
        boolean halfClose) {

    /** One line: seed, mutations, profile and client behaviour. */
    String describe() {
        return seed + (mutations.isEmpty() ? "" : " | " + String.join(" | ", mutations)) + " | profile "
                + profile.name().toLowerCase(Locale.ROOT) + " | " + (halfClose ? "half-close" : "no half-close");
    }
}
