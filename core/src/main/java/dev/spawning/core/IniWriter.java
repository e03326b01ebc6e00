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
        String name = section.name();
        if (name.isEmpty() || name.contains("\n") || name.contains("\r")) {
            errors.add(refusal(file, section.line(), "section name " + PyRepr.of(name),
                    "a section name is one line that is not empty"));
        }
    }

    private static void checkOption(ConfigFile file, Section section, Option option, List<Problem> errors) {
        String what = "key " + PyRepr.of(option.key()) + " in section [" + section.name() + "]";
        if (!isIniKey(option.key())) {
            errors.add(refusal(file, option.line(), what, "an INI key cannot contain '=' or ':' or a line break, "
                    + "start with '#', ';' or '[', or have blanks around it"));
        }
        String value = option.value();
        List<String> lines = List.of(value.split("\n", -1));
        if (value.contains("\r") || lines.stream().anyMatch(l -> !l.equals(IniReader.strip(l)))) {
            errors.add(refusal(file, option.line(), "the value of " + what,
                    "INI strips blanks at the start and end of every line and reads a carriage return as a "
                    + "line break"));
        }
        if (lines.stream().skip(1).anyMatch(l -> l.startsWith("#") || l.startsWith(";"))) {
            errors.add(refusal(file, option.line(), "the value of " + what,
                    "INI reads a continuation line starting with '#' or ';' as a comment"));
        }
    }

    /** What {@link IniReader} reads back as this key: one line, no delimiter, not a comment or header. */
    private static boolean isIniKey(String key) {
        return !key.isEmpty() && key.equals(IniReader.strip(key)) && !key.contains("=") && !key.contains(":")
                && !key.contains("\n") && !key.contains("\r")
                && !key.startsWith("#") && !key.startsWith(";") && !key.startsWith("[");
    }

    private static Problem refusal(ConfigFile file, int line, String what, String why) {
        return Problem.error(file.path(), line,
                what + " cannot be written as INI without changing its meaning: " + why);
    }
}
