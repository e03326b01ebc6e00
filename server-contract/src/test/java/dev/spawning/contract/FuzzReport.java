package dev.spawning.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Collects what a fuzz run found: the number of inputs, the differences, the inputs that could not
 * be played, and (for a run of one input) every exchange in full. The collecting methods may be
 * called from any thread at once; the reading ones after the run.
 */
final class FuzzReport {

    private final FuzzOptions options;
    private final LongAdder inputs = new LongAdder();
    private final ConcurrentLinkedQueue<FuzzDifference> differences = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> traces = new ConcurrentLinkedQueue<>();

    FuzzReport(FuzzOptions options) {
        this.options = options;
    }

    void played(FuzzInput input, Map<String, FuzzOutcome> outcomes, Map<String, FuzzOutcome> replay) {
        inputs.increment();
        if (!FuzzDifference.agree(outcomes, replay)) {
            differences.add(new FuzzDifference(input, outcomes, replay));
        }
        if (options.only().isPresent()) {
            traces.add(trace(input, outcomes));
        }
    }

    void failed(long index, Exception failure) {
        inputs.increment();
        errors.add("#" + index + " could not be played: " + failure + "\n  reproduce: " + options.reproduce(index));
    }

    int problems() {
        return differences.size() + errors.size();
    }

    /** {@code fuzz: N inputs, seed S, D differences (by kind: ...)}, with errors and time when there are any. */
    String summary(Duration took) {
        Map<String, Long> byKind = differences.stream()
                .collect(Collectors.groupingBy(FuzzDifference::kind, TreeMap::new, Collectors.counting()));
        String kinds = byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> entry.getValue() + " x " + entry.getKey()).collect(Collectors.joining("; "));
        return "fuzz: " + inputs.sum() + " inputs, seed " + options.seed() + ", " + differences.size() + " differences"
                + (byKind.isEmpty() ? "" : " (by kind: " + kinds + ")")
                + (errors.isEmpty() ? "" : ", " + errors.size() + " inputs not played")
                + String.format(", %.1f s", took.toMillis() / 1000.0);
    }

    /** The first {@code cap} differences and errors by index, and how many there are in all. */
    String failures(int cap, Duration took) {
        List<String> listed = new ArrayList<>(errors);
        differences.stream().sorted(Comparator.comparingLong(difference -> difference.input().index()))
                .map(difference -> difference.report(options)).forEach(listed::add);
        String shown = listed.stream().limit(cap).collect(Collectors.joining("\n"));
        return "The providers answered " + differences.size() + " of " + inputs.sum() + " inputs differently"
                + (listed.size() > cap ? " (the first " + cap + " of " + listed.size() + " problems below)" : "")
                + ":\n" + shown + "\n" + summary(took);
    }

    /** Every exchange in full, for a run of one input. */
    String traces() {
        return String.join("\n", traces);
    }

    private static String trace(FuzzInput input, Map<String, FuzzOutcome> outcomes) {
        Function<FuzzOutcome, String> received = outcome -> FuzzBytes.escape(outcome.received(), 4000);
        StringBuilder text = new StringBuilder("input #").append(input.index()).append(": ").append(input.describe())
                .append("\n  sent (").append(input.bytes().length).append(" bytes): ")
                .append(FuzzBytes.escape(input.bytes(), 20_000));
        outcomes.forEach((provider, outcome) -> text.append("\n  ").append(provider).append(": ")
                .append(outcome.describe()).append("\n    received: ").append(received.apply(outcome)));
        return text.toString();
    }
}
