package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spawning.core.ConfigFile.Option;
import dev.spawning.core.ConfigFile.Section;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** YAML deployment files (section 8 of the deployment-file specification): reading and writing. */
class YamlFormatTest {

    private static final Path FILE = Path.of("app.yaml");

    private static ConfigFile read(String... lines) {
        return YamlFormat.read(FILE, String.join("\n", lines) + "\n");
    }

    private static Map<String, String> values(ConfigFile file, String section) {
        Map<String, String> values = new LinkedHashMap<>();
        file.section(section).orElseThrow().options().forEach(o -> values.put(o.key(), o.value()));
        return values;
    }

    private static String error(String... lines) {
        return catchThrowableOfType(DeploymentException.class, () -> read(lines)).getMessage();
    }

    private static ConfigFile model(Section... sections) {
        return new ConfigFile(Path.of("app.ini"), List.of(sections), List.of());
    }

    private static Section section(String name, Option... options) {
        return new Section(name, 1, List.of(options), List.of());
    }

    private static Option option(String key, String value) {
        return new Option(key, value, 2, List.of());
    }

    @Test
    void fileIsAMappingOfSectionNamesToMappingsOfSettingsInOrder() {
        ConfigFile file = read("DEFAULT:", "  debug: 'false'", "app:main:", "  use: service:echo",
                "  set foo: bar", "server:main:", "  use: service:undertow");
        assertThat(file.sections()).extracting(Section::name).containsExactly("DEFAULT", "app:main", "server:main");
        assertThat(values(file, "app:main")).containsExactly(Map.entry("use", "service:echo"),
                Map.entry("set foo", "bar"));
    }

    @Test
    void scalarsAreReadAsWritten() {
        ConfigFile file = read("s:", "  port: 8080", "  debug: yes", "  ratio: 1.0", "  none: ~", "  flag: true",
                "  hex: 0x1F", "  off: Off", "  date: 2001-12-14", "  nul: null");
        assertThat(values(file, "s")).containsExactly(Map.entry("port", "8080"), Map.entry("debug", "yes"),
                Map.entry("ratio", "1.0"), Map.entry("none", "~"), Map.entry("flag", "true"), Map.entry("hex", "0x1F"),
                Map.entry("off", "Off"), Map.entry("date", "2001-12-14"), Map.entry("nul", "null"));
    }

    @Test
    void quotedStringsAreUnquoted() {
        ConfigFile file = read("s:", "  a: 'it''s'", "  b: \"tab\\there\"", "  c: '%(here)s/x'", "  d: '8080'");
        assertThat(values(file, "s")).containsExactly(Map.entry("a", "it's"), Map.entry("b", "tab\there"),
                Map.entry("c", "%(here)s/x"), Map.entry("d", "8080"));
    }

    @Test
    void keyWithoutAValueIsEmpty() {
        assertThat(values(read("s:", "  a:", "  b: ''"), "s")).containsExactly(Map.entry("a", ""), Map.entry("b", ""));
    }

    @Test
    void listValueIsJoinedWithSingleSpaces() {
        ConfigFile file = read("pipeline:main:", "  pipeline: [gzip, auth, app]", "  other:", "    - a", "    - 8080",
                "  empty: []");
        assertThat(values(file, "pipeline:main")).containsExactly(Map.entry("pipeline", "gzip auth app"),
                Map.entry("other", "a 8080"), Map.entry("empty", ""));
    }

    @Test
    void literalBlockKeepsItsLinesWithoutTheFinalNewline() {
        ConfigFile file = read("s:", "  a: |", "    one", "    # not a comment", "", "    three", "  b: x");
        assertThat(values(file, "s")).containsExactly(Map.entry("a", "one\n# not a comment\n\nthree"),
                Map.entry("b", "x"));
        assertThat(file.sections().getFirst().options()).allMatch(o -> o.comments().isEmpty());
    }

    @Test
    void emptySectionHasNoSettings() {
        ConfigFile file = read("a:", "b: {}", "c: ~", "d:", "  x: 1");
        assertThat(file.sections()).extracting(s -> s.options().size()).containsExactly(0, 0, 0, 1);
    }

    @Test
    void keysKnowTheirLineCountingFromOne() {
        ConfigFile file = read("# comment", "app:main:", "  use: x", "  other: |", "    a", "    b", "  last: 1");
        Section section = file.sections().getFirst();
        assertThat(section.line()).isEqualTo(2);
        assertThat(section.options()).extracting(Option::line).containsExactly(3, 4, 7);
    }

    @Test
    void commentsBeforeEachSectionAndKeyAreKept() {
        ConfigFile file = read("# about the file", "", "# about s", "s:", "  # about a", "  a: |", "    x",
                "  # after a block", "  # two lines", "", "  # three", "  b: 1  # inline comments are dropped",
                "  c: '# not a comment'", "# at the end");
        Section s = file.sections().getFirst();
        assertThat(s.comments()).containsExactly("# about the file", "# about s");
        assertThat(s.options()).extracting(Option::comments).containsExactly(List.of("# about a"),
                List.of("# after a block", "# two lines", "# three"), List.of());
        assertThat(file.trailingComments()).containsExactly("# at the end");
    }

    @Test
    void emptyFileHasNoSections() {
        assertThat(YamlFormat.read(FILE, "").sections()).isEmpty();
        assertThat(YamlFormat.read(FILE, "# only a comment\n").trailingComments()).containsExactly("# only a comment");
    }

    @Test
    void crlfAndByteOrderMarkAreHandled() {
        ConfigFile file = YamlFormat.read(FILE, "\uFEFF# c\r\ns:\r\n  a: 1\r\n  # d\r\n  b: |\r\n    x\r\n    y\r\n");
        assertThat(values(file, "s")).containsExactly(Map.entry("a", "1"), Map.entry("b", "x\ny"));
        assertThat(file.sections().getFirst().options()).extracting(Option::line).containsExactly(3, 5);
        assertThat(file.sections().getFirst().options().get(1).comments()).containsExactly("# d");
    }

    @Test
    void rootThatIsNotAMappingIsAnError() {
        assertThat(error("- app:main")).isEqualTo("Error in file app.yaml: line 1: a YAML deployment file is a mapping "
                + "of section names (DEFAULT, app:main, server:main, ...) to mappings of settings, not a list");
        assertThat(error("", "just text")).isEqualTo("Error in file app.yaml: line 2: a YAML deployment file is a "
                + "mapping of section names (DEFAULT, app:main, server:main, ...) to mappings of settings, "
                + "not 'just text'");
    }

    @Test
    void sectionThatIsNotAMappingIsAnError() {
        assertThat(error("app:main: service:echo"))
                .isEqualTo("Error in file app.yaml: line 1: section [app:main] must be a mapping of settings "
                        + "(key: value), not 'service:echo'");
        assertThat(error("a:", "  x: 1", "app:main:", "  - use"))
                .isEqualTo("Error in file app.yaml: line 3: section [app:main] must be a mapping of settings "
                        + "(key: value), not a list");
    }

    @Test
    void settingWhoseValueIsAMappingIsAnError() {
        assertThat(error("server:main:", "  use: x", "  port:", "    http: 8080"))
                .isEqualTo("Error in file app.yaml: line 3: key 'port' in section [server:main]: a setting is a "
                        + "string, a number, a boolean or a list, not a mapping");
    }

    @Test
    void listHoldingAMappingOrAListIsAnError() {
        assertThat(error("pipeline:main:", "  pipeline:", "    - gzip", "    - name: auth"))
                .isEqualTo("Error in file app.yaml: line 4: key 'pipeline' in section [pipeline:main]: a list value "
                        + "holds plain items, not a mapping");
        assertThat(error("s:", "  k: [a, [b]]"))
                .isEqualTo("Error in file app.yaml: line 2: key 'k' in section [s]: a list value holds plain items, "
                        + "not a list");
    }

    @Test
    void sectionOrKeyNameThatIsNotAStringIsAnError() {
        assertThat(error("[a, b]: {}")).isEqualTo("Error in file app.yaml: line 1: a section name must be a plain "
                + "string, not a list");
        assertThat(error("s:", "  ? {a: 1}", "  : x")).isEqualTo("Error in file app.yaml: line 2: a setting name in "
                + "section [s] must be a plain string, not a mapping");
    }

    @Test
    void duplicateSectionIsAnError() {
        assertThat(error("app:main:", "  use: a", "app:main:", "  use: b"))
                .isEqualTo("Error in file app.yaml: line 3: section [app:main] already exists (first at line 1)");
    }

    @Test
    void duplicateKeyIsAnError() {
        assertThat(error("app:main:", "  use: a", "  x: 1", "  use: b"))
                .isEqualTo("Error in file app.yaml: line 4: key 'use' already exists in section [app:main] "
                        + "(first at line 2)");
    }

    @Test
    void everyStructuralErrorIsReported() {
        DeploymentException e = catchThrowableOfType(DeploymentException.class,
                () -> read("a: x", "b:", "  k: {}", "b: {}"));
        assertThat(e.problems()).extracting(Problem::text).containsExactly(
                "Error in file app.yaml: line 1: section [a] must be a mapping of settings (key: value), not 'x'",
                "Error in file app.yaml: line 3: key 'k' in section [b]: a setting is a string, a number, a boolean "
                        + "or a list, not a mapping",
                "Error in file app.yaml: line 4: section [b] already exists (first at line 2)");
    }

    @Test
    void yamlSyntaxErrorNamesFileAndLine() {
        assertThat(error("app:main:", "  use: a: b"))
                .isEqualTo("Error in file app.yaml: line 2: mapping values are not allowed here");
        assertThat(error("app:main:", "  use: \"open", "  port: 8080"))
                .isEqualTo("Error in file app.yaml: line 4: found unexpected end of stream "
                        + "(while scanning a quoted scalar that starts at line 2)");
        assertThat(error("app:main:", "\tuse: x"))
                .isEqualTo("Error in file app.yaml: line 2: found character '\\t(TAB)' that cannot start any token. "
                        + "(Do not use \\t(TAB) for indentation) (while scanning for the next token)");
    }

    @Test
    void commentsAfterBlockScalarsDoNotConfuseTheReader() {
        ConfigFile file = read("s:", "  a: >-", "    folded", "    text", "  # one", "  # two", "t:", "  b: |",
                "    x", "# three", "# four");
        assertThat(values(file, "s")).containsExactly(Map.entry("a", "folded text"));
        assertThat(file.sections().get(1).comments()).containsExactly("# one", "# two");
        assertThat(file.trailingComments()).containsExactly("# three", "# four");
    }

    @Test
    void writesScalarsPlainWhereYamlReadsThemBackAsWritten() {
        String yaml = YamlFormat.write(model(section("server:main", option("port", "8080"), option("debug", "yes"),
                option("ratio", "1.0"), option("none", "~"), option("empty", ""), option("use", "egg:Paste#http"))));
        assertThat(yaml).isEqualTo("""
                server:main:
                  port: 8080
                  debug: yes
                  ratio: 1.0
                  none: ~
                  empty:
                  use: egg:Paste#http
                """);
    }

    @Test
    void writesTextThatCannotBePlainQuoted() {
        String yaml = YamlFormat.write(model(section("s", option("a", "%(here)s"), option("b", "# x"),
                option("c", "a: b"), option("d", "&"), option("e", "- item"), option("f", "tab\there"))));
        assertThat(yaml).isEqualTo("""
                s:
                  a: '%(here)s'
                  b: '# x'
                  c: 'a: b'
                  d: '&'
                  e: '- item'
                  f: "tab\\there"
                """);
    }

    @Test
    void writesMultiLineValuesAsLiteralBlocks() {
        String yaml = YamlFormat.write(model(section("s", option("a", "one\ntwo\n\nthree"),
                option("includes", "\nfirst.ini\nsecond.ini"))));
        assertThat(yaml).isEqualTo("""
                s:
                  a: |-
                    one
                    two

                    three
                  includes: |2-

                    first.ini
                    second.ini
                """);
    }

    @Test
    void writesABlankLineBetweenSectionsAndKeepsCommentsWithTheirKey() {
        ConfigFile file = new ConfigFile(Path.of("app.ini"), List.of(
                new Section("DEFAULT", 2, List.of(new Option("a", "1", 3, List.of("# about a"))), List.of("# top")),
                new Section("app:main", 5, List.of(), List.of("; about main")),
                new Section("server:main", 7, List.of(option("port", "8080")), List.of())),
                List.of("# the end"));
        assertThat(YamlFormat.write(file)).isEqualTo("""
                # top
                DEFAULT:
                  # about a
                  a: 1

                # about main
                app:main: {}

                server:main:
                  port: 8080
                # the end
                """);
    }

    @Test
    void writesLineBreaksOtherThanNewlineEscaped() {
        String yaml = YamlFormat.write(model(section("s", option("a", "x\u2028y\u0085z"), option("b\nc", "1"))));
        assertThat(yaml).isEqualTo("s:\n  a: \"x\\Ly\\Nz\"\n  ? \"b\\nc\"\n  : 1\n");
        assertThat(values(YamlFormat.read(FILE, yaml), "s"))
                .containsExactly(Map.entry("a", "x\u2028y\u0085z"), Map.entry("b\nc", "1"));
    }

    @Test
    void writingACommentYamlCannotHoldIsRefused() {
        ConfigFile file = new ConfigFile(Path.of("app.ini"), List.of(
                new Section("s", 2, List.of(new Option("a", "1", 4, List.of("# bell \u0007"))), List.of())),
                List.of("# next\u0085line"));
        DeploymentException e = catchThrowableOfType(DeploymentException.class, () -> YamlFormat.write(file));
        assertThat(e.problems()).extracting(Problem::text).containsExactly(
                "Error in file app.ini: line 4: the comment '# bell \\x07' before key 'a' in section [s] cannot be "
                        + "written as YAML: a YAML comment cannot hold a control character or a line break",
                "Error in file app.ini: the comment '# next\\x85line' at the end of the file cannot be written as "
                        + "YAML: a YAML comment cannot hold a control character or a line break");
    }
}
