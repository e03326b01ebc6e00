package dev.spawning.controller;

import dev.spawning.controller.MetricsText.Family;
import dev.spawning.controller.MetricsText.Sample;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The workers' metrics as the controller serves them on {@code metrics_bind}: the last text each
 * live worker sent (with its heartbeat, so at most about a second old) and the retired total of
 * the workers that have exited. {@link #render} writes, family by family, one {@code # HELP} and
 * {@code # TYPE}, then the sum across workers of every sample (same name and labels), then each
 * live worker's samples with a {@code worker="ID"} label first. The retired total keeps the
 * counters, histograms and summaries of exited workers (reload, recycle, crash), added to the
 * sums, so a summed counter never goes down; their gauges are dropped. A summary's quantiles are
 * shown per worker and never summed.
 *
 * <p>Thread-safe: each worker's link thread calls {@link #update} and, when its link ends,
 * {@link #retire}; the operations listener's threads call {@link #render}; all under this
 * object's monitor, which guards everything here.
 */
final class WorkerMetrics {

    private final Map<Integer, List<Family>> live = new TreeMap<>();
    private final Map<String, Family> retired = new LinkedHashMap<>();
    private final Set<Integer> gone = new HashSet<>();

    /** Worker {@code id}'s metrics are now {@code text}; ignored once it is retired. */
    synchronized void update(int id, String text) {
        if (!gone.contains(id)) {
            live.put(id, MetricsText.parse(text));
        }
    }

    /** Worker {@code id} has exited: its cumulative samples join the retired total, the rest is dropped. */
    synchronized void retire(int id) {
        gone.add(id);
        List<Family> last = live.remove(id);
        if (last == null) {
            return;
        }
        for (Family family : last) {
            if (family.cumulative()) {
                Family total = retired.computeIfAbsent(family.name(),
                        name -> new Family(name, family.type(), family.help(), new ArrayList<>()));
                retired.put(family.name(), new Family(family.name(), total.type(), total.help(),
                        summed(List.of(total.samples(), family.samples()))));
            }
        }
    }

    /** {@return the exposition text of every family, summed and per worker} */
    synchronized String render() {
        Map<String, List<Family>> byName = new LinkedHashMap<>();
        live.values().forEach(families -> families.forEach(f -> byName.computeIfAbsent(f.name(),
                name -> new ArrayList<>()).add(f)));
        retired.values().forEach(f -> byName.computeIfAbsent(f.name(), name -> new ArrayList<>()).add(f));
        StringBuilder out = new StringBuilder();
        byName.forEach((name, families) -> write(name, families, out));
        return out.toString();
    }

    private void write(String name, List<Family> families, StringBuilder out) {
        Family first = families.getFirst();
        String help = families.stream().map(Family::help).filter(h -> h != null).findFirst().orElse(null);
        new Family(name, first.type(), help, List.of()).writeHeader(out);
        summed(families.stream().map(Family::samples).toList()).forEach(sample -> sample.write(out));
        live.forEach((id, workerFamilies) -> workerFamilies.stream().filter(f -> f.name().equals(name))
                .forEach(f -> f.samples().forEach(s -> s.labelled("worker", String.valueOf(id)).write(out))));
    }

    /** The sum of each sample (by name and labels) over {@code lists}, in order of first appearance; no quantiles. */
    private static List<Sample> summed(List<List<Sample>> lists) {
        Map<String, Sample> sums = new LinkedHashMap<>();
        for (List<Sample> samples : lists) {
            for (Sample sample : samples) {
                if (!sample.quantile()) {
                    sums.merge(sample.key(), sample,
                            (a, b) -> new Sample(a.name(), a.labels(), a.value() + b.value()));
                }
            }
        }
        return List.copyOf(sums.values());
    }
}
