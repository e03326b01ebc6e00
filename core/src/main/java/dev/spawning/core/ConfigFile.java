package dev.spawning.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A deployment file as read, before any meaning is given to it: sections and options in file
 * order with their lines, raw (uninterpolated) values, and the comment lines that stood before
 * each section and option (kept so that {@code spawn convert} loses nothing). INI and YAML files
 * read into the same model.
 */
record ConfigFile(Path path, List<Section> sections, List<String> trailingComments) {

    static final String DEFAULT = "DEFAULT";

    ConfigFile {
        sections = List.copyOf(sections);
        trailingComments = List.copyOf(trailingComments);
    }

    /** The {@code [DEFAULT]} section, if the file has one. */
    Optional<Section> defaults() {
        return section(DEFAULT);
    }

    Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The sections other than {@code [DEFAULT]}, in file order. */
    List<Section> namedSections() {
        return sections.stream().filter(s -> !s.name().equals(DEFAULT)).toList();
    }

    /** A section: its name as written between the brackets, the line of its header, its options. */
    record Section(String name, int line, List<Option> options, List<String> comments) {

        Section {
            options = List.copyOf(options);
            comments = List.copyOf(comments);
        }

        Optional<Option> option(String key) {
            return options.stream().filter(o -> o.key().equals(key)).findFirst();
        }
    }

    /** An option: key, raw value (continuation lines joined with {@code \n}), the line of its key. */
    record Option(String key, String value, int line, List<String> comments) {

        Option {
            comments = List.copyOf(comments);
        }
    }
}
