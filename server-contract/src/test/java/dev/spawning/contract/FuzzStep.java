package dev.spawning.contract;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One mutation applied: what was done, in words a reader can replay, and the bytes after it.
 *
 * @param description for example {@code insert \x00 at 17} or {@code set Content-Length: +5}
 * @param bytes       the mutated bytes
 */
record FuzzStep(String description, byte[] bytes) {

    /** One element of {@code choices}, drawn from {@code random}. */
    static <T> T pick(SplittableRandom random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
