package dev.spawning.core;

import dev.spawning.core.ConfigFile.Option;
import dev.spawning.core.ConfigFile.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;

/**
 * Reads INI text by the rules of Python's {@code ConfigParser} as Paste Deploy configures it
 * (case-sensitive keys, {@code =} or {@code :} delimiters, whole-line comments only, values
 * continued by deeper indentation, duplicates refused). Apache Commons Configuration's INI reader
 * follows other rules (inline comments, backslash continuations), so this one is written to the
 * rules. Every syntax error in the file is collected before failing.
 */
final class IniReader {

    private final Path path;
    private final List<Problem> errors = new ArrayList<>();
    private final List<SectionBuilder> sections = new ArrayList<>();
    private final Map<String, SectionBuilder> sectionsByName = new HashMap<>();
    private List<String> pendingComments = new ArrayList<>();
    private SectionBuilder section;
    private OptionBuilder option;
    private int optionIndent;

    private IniReader(Path path) {
        this.path = path;
    }

    /** Reads {@code text}, the content of {@code path}; throws with every syntax error found. */
    static ConfigFile read(Path path, String text) {
        IniReader reader = new IniReader(path);
        String[] lines = stripBom(text).split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            reader.line(lines[i], i + 1);
        }
        return reader.finish();
    }

    private void line(String raw, int number) {
        String stripped = strip(raw);
        if (stripped.startsWith("#") || stripped.startsWith(";")) {
            pendingComments.add(stripped);
            return;
        }
        if (stripped.isEmpty()) {
            if (option != null) {
                option.lines.add("");
            }
            return;
        }
        int indent = indentOf(raw);
        if (option != null && indent > optionIndent) {
            option.lines.add(stripped);
            return;
        }
        optionIndent = indent;
        if (stripped.startsWith("[")) {
            header(stripped, number);
        } else if (section == null) {
            error(number, "'" + stripped + "' comes before any [section] header");
        } else {
            option(stripped, number);
        }
    }

    private void header(String text, int number) {
        option = null;
        int close = text.lastIndexOf(']');
        if (close < 2) {
            section = new SectionBuilder(text, number, takeComments());
            error(number, "a section header needs a name between '[' and ']', found: '" + text + "'");
            return;
        }
        String name = text.substring(1, close);
        SectionBuilder previous = sectionsByName.get(name);
        if (previous != null) {
            error(number, "section [" + name + "] already exists (first at line " + previous.line + ")");
            section = new SectionBuilder(name, number, takeComments());
            return;
        }
        section = new SectionBuilder(name, number, takeComments());
        sections.add(section);
        sectionsByName.put(name, section);
    }

    private void option(String text, int number) {
        int delimiter = firstDelimiter(text);
        String key = delimiter < 0 ? "" : strip(text.substring(0, delimiter));
        if (key.isEmpty()) {
            option = null;
            error(number, delimiter < 0
                    ? "expected 'key = value', 'key: value' or a [section] header, found: '" + text + "'"
                    : "an option needs a key before its '" + text.charAt(delimiter) + "', found: '" + text + "'");
            return;
        }
        OptionBuilder previous = section.options.get(key);
        if (previous != null) {
            error(number, "key '" + key + "' already exists in section [" + section.name + "] (first at line "
                    + previous.line + ")");
        }
        option = new OptionBuilder(key, number, takeComments());
        option.lines.add(strip(text.substring(delimiter + 1)));
        if (previous == null) {
            section.options.put(key, option);
        }
    }

    private ConfigFile finish() {
        if (!errors.isEmpty()) {
            throw new DeploymentException(errors);
        }
        List<Section> built = sections.stream().map(SectionBuilder::build).toList();
        return new ConfigFile(path, built, pendingComments);
    }

    private void error(int line, String message) {
        errors.add(Problem.error(path, line, message));
    }

    private List<String> takeComments() {
        List<String> taken = pendingComments;
        pendingComments = new ArrayList<>();
        return taken;
    }

    private static int firstDelimiter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    /** Counts characters, not columns: a tab is one, as in Python. */
    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && isSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Python's {@code str.isspace}, by which ConfigParser strips lines and measures indentation; unlike
     * {@link Character#isWhitespace} it counts the no-break spaces and U+0085.
     */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** Python's {@code str.strip()}. */
    static String strip(String text) {
        int start = 0;
        while (start < text.length() && isSpace(text.charAt(start))) {
            start++;
        }
        return stripTrailing(text.substring(start));
    }

    /** Python's {@code str.rstrip()}. */
    static String stripTrailing(String text) {
        int end = text.length();
        while (end > 0 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static final class SectionBuilder {
        final String name;
        final int line;
        final List<String> comments;
        final Map<String, OptionBuilder> options = new LinkedHashMap<>();

        SectionBuilder(String name, int line, List<String> comments) {
            this.name = name;
            this.line = line;
            this.comments = comments;
        }

        Section build() {
            return new Section(name, line, options.values().stream().map(OptionBuilder::build).toList(), comments);
        }
    }

    private static final class OptionBuilder {
        final String key;
        final int line;
        final List<String> comments;
        final List<String> lines = new ArrayList<>();

        OptionBuilder(String key, int line, List<String> comments) {
            this.key = key;
            this.line = line;
            this.comments = comments;
        }

        Option build() {
            return new Option(key, stripTrailing(String.join("\n", lines)), line, comments);
        }
    }
}
