package dev.spawning.controller;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prometheus' text exposition format (version 0.0.4), as far as the controller reads and writes
 * it: families ({@code # HELP}, {@code # TYPE}) and their samples ({@code name{labels} value},
 * a timestamp dropped). A sample belongs to the family of the {@code # TYPE} or {@code # HELP}
 * line above it when its name is the family's or starts with the family's and {@code _}
 * ({@code x_bucket}, {@code x_sum}, {@code x_count}); a sample without one is a family of its own,
 * untyped. Lines that are none of these are skipped. Stateless.
 */
final class MetricsText {

    /** The content type of the format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private MetricsText() {
    }

    /** One sample; {@code labels} is the text between the braces as written, empty for none. */
    record Sample(String name, String labels, double value) {

        /** The sample's identity: its name and labels. */
        String key() {
            return name + "{" + labels + "}";
        }

        /** {@return this sample with {@code label="value"} first among its labels} */
        Sample labelled(String label, String value) {
            String added = label + "=\"" + value + "\"";
            return new Sample(name, labels.isEmpty() ? added : added + "," + labels, this.value);
        }

        /** {@return whether this is a summary's quantile, which no sum means anything for} */
        boolean quantile() {
            return labels.startsWith("quantile=") || labels.contains(",quantile=");
        }

        void write(StringBuilder out) {
            out.append(name);
            if (!labels.isEmpty()) {
                out.append('{').append(labels).append('}');
            }
            out.append(' ').append(format(value)).append('\n');
        }
    }

    /** A family: its name, {@code # TYPE} ({@code untyped} when absent), {@code # HELP} (null when absent). */
    record Family(String name, String type, String help, List<Sample> samples) {

        /** {@return whether its samples only grow while a process lives: counters, histograms, summaries} */
        boolean cumulative() {
            return type.equals("counter") || type.equals("histogram") || type.equals("summary");
        }

        void writeHeader(StringBuilder out) {
            if (help != null) {
                out.append("# HELP ").append(name).append(' ').append(help).append('\n');
            }
            out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        }
    }

    /** {@return the families of {@code text}, in the order they appear} */
    static List<Family> parse(String text) {
        Map<String, Family> families = new LinkedHashMap<>();
        Family current = null;
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("# HELP ") || stripped.startsWith("# TYPE ")) {
                current = header(families, stripped);
            } else if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                Sample sample = sample(stripped);
                if (sample == null) {
                    continue;
                }
                if (current == null || !belongs(sample.name(), current.name())) {
                    current = families.computeIfAbsent(sample.name(),
                            name -> new Family(name, "untyped", null, new ArrayList<>()));
                }
                current.samples().add(sample);
            }
        }
        return List.copyOf(families.values());
    }

    private static Family header(Map<String, Family> families, String line) {
        String[] words = line.split(" ", 4);
        if (words.length < 3) {
            return null;
        }
        Family known = families.getOrDefault(words[2], new Family(words[2], "untyped", null, new ArrayList<>()));
        String rest = words.length > 3 ? words[3] : "";
        Family family = words[1].equals("TYPE")
                ? new Family(known.name(), rest.strip().toLowerCase(Locale.ROOT), known.help(), known.samples())
                : new Family(known.name(), known.type(), rest, known.samples());
        families.put(family.name(), family);
        return family;
    }

    private static boolean belongs(String sample, String family) {
        return sample.equals(family) || sample.startsWith(family + "_");
    }

    /** {@code name{labels} value [timestamp]}; null when the line is not one. */
    static Sample sample(String line) {
        int end = 0;
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_'
                || line.charAt(end) == ':')) {
            end++;
        }
        String name = line.substring(0, end);
        String labels = "";
        if (end < line.length() && line.charAt(end) == '{') {
            int close = closingBrace(line, end + 1);
            if (close < 0) {
                return null;
            }
            labels = line.substring(end + 1, close).strip();
            end = close + 1;
        }
        String[] rest = line.substring(end).strip().split("\\s+");
        try {
            return name.isEmpty() ? null : new Sample(name, labels, value(rest[0]));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** The index of the brace that closes the labels opened before {@code from}; -1 when none does. */
    private static int closingBrace(String line, int from) {
        boolean quoted = false;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    static String format(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return Double.isNaN(value) ? "NaN" : Double.toString(value);
    }
}
