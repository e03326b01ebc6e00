package dev.spawning.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** "Did you mean" for names typed by hand: the known names closest to the one given. */
final class Suggestions {

    private Suggestions() {
    }

    /** The closest names (by edit distance, within a third of the name's length, at least 2), sorted. */
    static List<String> closest(String given, Collection<String> known) {
        int limit = Math.max(2, given.length() / 3);
        int best = Integer.MAX_VALUE;
        List<String> found = new ArrayList<>();
        for (String name : known) {
            int distance = distance(given.toLowerCase(), name.toLowerCase());
            if (distance > limit || distance > best) {
                continue;
            }
            if (distance < best) {
                best = distance;
                found.clear();
            }
            found.add(name);
        }
        found.sort(null);
        return found;
    }

    /** {@code  Did you mean: a, b?} or nothing. */
    static String didYouMean(String given, Collection<String> known) {
        List<String> closest = closest(given, known);
        return closest.isEmpty() ? "" : " Did you mean: " + String.join(", ", closest) + "?";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
