package dev.spawning.core;

import dev.spawning.core.ConfigFile.Option;
import dev.spawning.core.ConfigFile.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a deployment file as INI that {@link IniReader} reads back to the same sections, keys and
 * values. What INI cannot hold (a key with {@code =} or {@code :} in it, a value line that starts
 * with blanks or with {@code #}) is refused rather than silently changed.
 */
final class IniWriter {

    private static final String CONTINUATION_INDENT = "    ";

    private IniWriter() {
    }

    static String write(ConfigFile file) {
        List<Problem> errors = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (Section section : file.sections()) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            section.comments().forEach(c -> out.append(c).append('\n'));
            checkSectionName(file, section, errors);
            out.append('[').append(section.name()).append("]\n");
            for (Option option : section.options()) {
                option.comments().forEach(c -> out.append(c).append('\n'));
                checkOption(file, section, option, errors);
                out.append(option.key()).append(" =").append(valueText(option.value())).append('\n');
            }
        }
        file.trailingComments().forEach(c -> out.append(c).append('\n'));
        if (!errors.isEmpty()) {
            throw new DeploymentException(errors);
        }
        return out.toString();
    }

    private static String valueText(String value) {
        String[] lines = value.split("\n", -1);
        StringBuilder text = new StringBuilder(lines[0].isEmpty() ? "" : " " + lines[0]);
        for (int i = 1; i < lines.length; i++) {
            text.append('\n');
            if (!lines[i].isEmpty()) {
                text.append(CONTINUATION_INDENT).append(lines[i]);
            }
        }
        return text.toString();
    }

    private static void checkSectionName(ConfigFile file, Section section, List<Problem> errors) {
        if (section.name().contains("\n") || section.name().isEmpty()) {
            errors.add(refusal(file, section.line(), "the section name '" + section.name() + "'"));
        }
    }

    private static void checkOption(ConfigFile file, Section section, Option option, List<Problem> errors) {
        String key = option.key();
        String where = "[" + section.name() + "] " + key;
        if (key.isEmpty() || !key.equals(key.strip()) || key.contains("=") || key.contains(":")
                || key.contains("\n") || key.startsWith("#") || key.startsWith(";") || key.startsWith("[")) {
            errors.add(refusal(file, option.line(), "the key of " + where
                    + " (an INI key cannot contain '=' or ':', start with '#', ';' or '[', or have blanks around it)"));
        }
        String value = option.value();
        if (!value.equals(value.stripTrailing()) || value.lines().anyMatch(l -> !l.equals(l.strip()))) {
            errors.add(refusal(file, option.line(), "the value of " + where
                    + " (INI strips blanks at the start and end of every line)"));
        }
        if (value.lines().skip(1).anyMatch(l -> l.startsWith("#") || l.startsWith(";"))) {
            errors.add(refusal(file, option.line(), "the value of " + where
                    + " (INI reads a continuation line starting with '#' or ';' as a comment)"));
        }
    }

    private static Problem refusal(ConfigFile file, int line, String what) {
        return Problem.error("Error in file " + file.path() + ": line " + line + ": " + what
                + " cannot be written as INI without changing its meaning");
    }
}
