package dev.spawning.contract;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An input the providers answered differently, or one a provider answered differently when it
 * was sent again (then the fuzzer, the machine's timing or the provider is not deterministic, and
 * the kind says {@code unstable}). Immutable.
 *
 * @param input  the input
 * @param first  each provider's outcome, in provider order
 * @param replay each provider's outcome when the input was sent again
 */
record FuzzDifference(FuzzInput input, Map<String, FuzzOutcome> first, Map<String, FuzzOutcome> replay) {

    /** Whether the providers agree on every outcome and each answered alike both times. */
    static boolean agree(Map<String, FuzzOutcome> first, Map<String, FuzzOutcome> replay) {
        return unstable(first, replay) == null && first.values().stream().map(FuzzOutcome::key).distinct().count() == 1;
    }

    /**
     * What differs, in a few words that group alike differences, such as {@code different error
     * status}; {@link #statuses} tells the codes.
     */
    String kind() {
        if (unstable(first, replay) != null) {
            return "unstable";
        }
        List<List<Integer>> finals = first.values().stream().map(FuzzDifference::finalStatuses).distinct().toList();
        if (finals.size() == 1) {
            if (first.values().stream().map(FuzzOutcome::statuses).distinct().count() > 1) {
                return "interim 1xx responses";
            }
            if (first.values().stream().map(outcome -> outcome.unparsed() > 0).distinct().count() > 1) {
                return "unparsed bytes";
            }
            return "closing";
        }
        if (finals.stream().anyMatch(List::isEmpty)) {
            return "an answer vs none";
        }
        if (finals.stream().map(List::size).distinct().count() > 1) {
            return "number of responses";
        }
        return finals.stream().allMatch(codes -> codes.getLast() >= 400) ? "different error status" : "accepted vs refused";
    }

    /** Each provider's status codes and closing, for example {@code coroutine 400, closed / undertow 200, kept open}. */
    String statuses() {
        return first.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue().key())
                .collect(Collectors.joining(" / "));
    }

    /** Everything needed to see and replay the difference. */
    String report(FuzzOptions options) {
        StringBuilder text = new StringBuilder("#").append(input.index()).append(" ").append(kind()).append(": ")
                .append(statuses())
                .append("\n  input:  ").append(input.describe())
                .append("\n  bytes (").append(input.bytes().length).append("): ")
                .append(FuzzBytes.escapeCompact(input.bytes(), 1500));
        first.forEach((provider, outcome) -> text.append("\n  ").append(provider).append(": ").append(outcome.describe()));
        if (unstable(first, replay) != null) {
            replay.forEach((provider, outcome) -> text.append("\n  ").append(provider).append(" again: ")
                    .append(outcome.describe()));
            text.append("\n  (an answer changed when sent again: a provider is not deterministic, or the machine"
                    + " is slow; a longer -Dspawning.fuzz.silence=MS tells which)");
        }
        return text.append("\n  reproduce: ").append(options.reproduce(input.index())).toString();
    }

    private static List<Integer> finalStatuses(FuzzOutcome outcome) {
        return outcome.statuses().stream().filter(status -> status >= 200).toList();
    }

    /** The first provider whose replay differs from its first outcome, or null. */
    private static String unstable(Map<String, FuzzOutcome> first, Map<String, FuzzOutcome> replay) {
        return first.keySet().stream().filter(provider -> !first.get(provider).sameAs(replay.get(provider)))
                .findFirst().orElse(null);
    }
}
