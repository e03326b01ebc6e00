package dev.spawning.contract;

import static dev.spawning.contract.FuzzStep.pick;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes input number {@code index} of a run with a given seed: picks a seed request (hand-written
 * or from the corpus), a profile and whether the client half-closes, then applies zero to three
 * mutations. Each input draws from its own generator seeded by (seed, index) alone, so any input
 * can be remade without the ones before it. Safe to share between threads.
 */
final class FuzzInputs {

    private final long seed;
    private final FuzzSeeds seeds;
    private final FuzzMutator mutator;

    FuzzInputs(long seed, FuzzSeeds seeds) {
        this.seed = seed;
        this.seeds = seeds;
        this.mutator = new FuzzMutator(seeds);
    }

    FuzzInput input(long index) {
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        FuzzSeeds.Seed start = pick(random, random.nextBoolean() ? seeds.handWritten() : seeds.corpus());
        FuzzProfile profile = profile(random.nextInt(100));
        List<String> mutations = new ArrayList<>();
        byte[] bytes = start.bytes();
        for (int count = mutationCount(random.nextInt(100)); count > 0; count--) {
            FuzzStep step = mutator.mutate(bytes, profile, random);
            mutations.add(step.description());
            bytes = step.bytes();
        }
        boolean halfClose = random.nextInt(4) != 0;
        return new FuzzInput(index, start.name(), List.copyOf(mutations), bytes, profile, halfClose);
    }

    private static FuzzProfile profile(int roll) {
        return roll < 70 ? FuzzProfile.DEFAULT : roll < 90 ? FuzzProfile.SMALL_LIMITS : FuzzProfile.NO_HOST_REQUIRED;
    }

    /** Mostly one mutation; sometimes the seed unchanged, sometimes two or three stacked. */
    private static int mutationCount(int roll) {
        return roll < 5 ? 0 : roll < 55 ? 1 : roll < 85 ? 2 : 3;
    }

    /** MurmurHash3's finalizer over seed and index: neighbouring indexes get unrelated generators. */
    private static long mix(long seed, long index) {
        long z = seed ^ (index * 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
