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

/**
 * The INI syntax of section 1 of the deployment-file specification: Python's {@code ConfigParser}
 * as Paste Deploy configures it. Where the specification is silent the expected values are those
 * Python 3.11's {@code ConfigParser} gives for the same text.
 */
class IniReaderTest {

    private static final Path FILE = Path.of("app.ini");

    private static ConfigFile read(String... lines) {
        return IniReader.read(FILE, String.join("\n", lines) + "\n");
    }

    private static Map<String, String> values(ConfigFile file, String section) {
        Map<String, String> values = new LinkedHashMap<>();
        file.section(section).orElseThrow().options().forEach(o -> values.put(o.key(), o.value()));
        return values;
    }

    private static String value(String... lines) {
        return read(lines).sections().getFirst().options().getFirst().value();
    }

    private static String error(String... lines) {
        return catchThrowableOfType(DeploymentException.class, () -> read(lines)).getMessage();
    }

    @Test
    void sectionNameIsEverythingBetweenTheFirstOpeningAndTheLastClosingBracket() {
        ConfigFile file = read("[ app: main ] text after the bracket", "a = 1", "[x]]", "b = 2", "[[y]", "c = 3");
        assertThat(file.sections()).extracting(Section::name).containsExactly(" app: main ", "x]", "[y");
    }

    @Test
    void keyEndsAtTheFirstEqualsSignOrColon() {
        ConfigFile file = read("[s]", "a: b = c", "url = http://x", "b=c:d", "time: 12:30");
        assertThat(values(file, "s")).containsExactly(Map.entry("a", "b = c"), Map.entry("url", "http://x"),
                Map.entry("b", "c:d"), Map.entry("time", "12:30"));
    }

    @Test
    void whitespaceAroundKeyAndValueIsStripped() {
        ConfigFile file = read("[s]", "set  foo \t=\t  bar baz  \t", "local conf   :   x");
        assertThat(values(file, "s")).containsExactly(Map.entry("set  foo", "bar baz"), Map.entry("local conf", "x"));
    }

    @Test
    void whitespaceIsWhatPythonStripsIncludingNoBreakSpaces() {
        assertThat(value("[s]", "key = \u00a0value\u00a0\u2003")).isEqualTo("value");
    }

    @Test
    void keyWithNothingAfterTheDelimiterHasAnEmptyValue() {
        assertThat(values(read("[s]", "a =", "b:", "c =   "), "s"))
                .containsExactly(Map.entry("a", ""), Map.entry("b", ""), Map.entry("c", ""));
    }

    @Test
    void lineWithoutDelimiterIsAnErrorNamingFileAndLine() {
        assertThat(error("[s]", "a = 1", "just some words"))
                .isEqualTo("Error in file app.ini: line 3: expected 'key = value', 'key: value' or a [section] header, "
                        + "found: 'just some words'");
    }

    @Test
    void lineWithADelimiterButNoKeyIsAnError() {
        assertThat(error("[s]", "= value"))
                .isEqualTo("Error in file app.ini: line 2: an option needs a key before its '=', found: '= value'");
        assertThat(error("[s]", "  : value"))
                .isEqualTo("Error in file app.ini: line 2: an option needs a key before its ':', found: ': value'");
    }

    @Test
    void keysAndSectionNamesAreCaseSensitive() {
        ConfigFile file = read("[App:main]", "Key = 1", "key = 2", "[app:main]", "KEY = 3");
        assertThat(file.sections()).extracting(Section::name).containsExactly("App:main", "app:main");
        assertThat(values(file, "App:main")).containsExactly(Map.entry("Key", "1"), Map.entry("key", "2"));
    }

    @Test
    void hashAndSemicolonLinesAreCommentsEvenWhenIndented() {
        ConfigFile file = read("# one", "; two", "[s]", "    # indented", "\t; tabbed", "a = 1");
        assertThat(values(file, "s")).containsExactly(Map.entry("a", "1"));
    }

    @Test
    void thereAreNoInlineComments() {
        ConfigFile file = read("[s]", "a = x ; y", "b = x # y", "c = #x", "d = ;x");
        assertThat(values(file, "s")).containsExactly(Map.entry("a", "x ; y"), Map.entry("b", "x # y"),
                Map.entry("c", "#x"), Map.entry("d", ";x"));
    }

    @Test
    void commentLinesInsideAMultiLineValueAreDropped() {
        assertThat(value("[s]", "a = one", "    # not part of the value", "    two", "; nor this", "    three"))
                .isEqualTo("one\ntwo\nthree");
    }

    @Test
    void shebangFirstLineIsAHarmlessComment() {
        ConfigFile file = read("#!/usr/bin/env spawn", "[app:main]", "use = service:echo");
        assertThat(values(file, "app:main")).containsExactly(Map.entry("use", "service:echo"));
        assertThat(file.sections().getFirst().comments()).containsExactly("#!/usr/bin/env spawn");
    }

    @Test
    void deeperIndentationContinuesTheValueCountingATabAsOneCharacter() {
        ConfigFile file = read("[s]", "\ta = one", " \ttwo", "\tb = three", "        four");
        assertThat(values(file, "s")).containsExactly(Map.entry("a", "one\ntwo"), Map.entry("b", "three\nfour"));
    }

    @Test
    void lineIndentedAsDeepAsItsOptionIsNotAContinuation() {
        assertThat(error("[s]", "\ta = one", " two"))
                .isEqualTo("Error in file app.ini: line 3: expected 'key = value', 'key: value' or a [section] header, "
                        + "found: 'two'");
    }

    @Test
    void continuationLinesAreStrippedJoinedWithNewlinesKeepingInnerBlankLinesButNotTrailingOnes() {
        ConfigFile file = read("[s]", "a = one  ", "      two  ", "", "  ", "   three", "", "", "b = x");
        assertThat(values(file, "s")).containsExactly(Map.entry("a", "one\ntwo\n\n\nthree"), Map.entry("b", "x"));
    }

    @Test
    void valueStartingOnTheNextLineBeginsWithANewline() {
        assertThat(value("[s]", "includes =", "    one", "    two")).isEqualTo("\none\ntwo");
    }

    @Test
    void indentedOptionAfterAnOptionIsPartOfItsValue() {
        ConfigFile file = read("[s]", "a = x", "    other = y");
        assertThat(values(file, "s")).containsExactly(Map.entry("a", "x\nother = y"));
    }

    @Test
    void indentedLineRightAfterASectionHeaderIsAnOption() {
        ConfigFile file = read("[s]", "    a = 1", "    b = 2", "[t]", "", "  c = 3");
        assertThat(values(file, "s")).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(values(file, "t")).containsExactly(Map.entry("c", "3"));
    }

    @Test
    void indentedSectionHeaderAfterAnOptionIsPartOfItsValue() {
        ConfigFile file = read("[s]", "a = x", "  [t]");
        assertThat(values(file, "s")).containsExactly(Map.entry("a", "x\n[t]"));
    }

    @Test
    void repeatedSectionIsAnErrorNamingFileLineAndSection() {
        assertThat(error("[app:main]", "use = a", "", "[app:main]", "use = b"))
                .isEqualTo("Error in file app.ini: line 4: section [app:main] already exists (first at line 1)");
    }

    @Test
    void repeatedDefaultSectionIsAnErrorAlthoughPythonMergesThem() {
        assertThat(error("[DEFAULT]", "a = 1", "[DEFAULT]", "b = 2"))
                .isEqualTo("Error in file app.ini: line 3: section [DEFAULT] already exists (first at line 1)");
    }

    @Test
    void repeatedKeyInOneSectionIsAnErrorNamingFileLineSectionAndKey() {
        assertThat(error("[app:main]", "use = a", "x = 1", "use = b"))
                .isEqualTo("Error in file app.ini: line 4: key 'use' already exists in section [app:main] "
                        + "(first at line 2)");
    }

    @Test
    void sameKeyInTwoSectionsIsFine() {
        ConfigFile file = read("[a]", "use = 1", "[b]", "use = 2");
        assertThat(values(file, "b")).containsExactly(Map.entry("use", "2"));
    }

    @Test
    void optionBeforeAnySectionIsAnError() {
        assertThat(error("# comment", "a = b", "[s]"))
                .isEqualTo("Error in file app.ini: line 2: 'a = b' comes before any [section] header");
    }

    @Test
    void sectionHeaderWithoutANameIsAnError() {
        assertThat(error("[app:main", "a = 1"))
                .isEqualTo("Error in file app.ini: line 1: a section header needs a name between '[' and ']', "
                        + "found: '[app:main'");
        assertThat(error("[]")).isEqualTo(
                "Error in file app.ini: line 1: a section header needs a name between '[' and ']', found: '[]'");
    }

    @Test
    void everySyntaxErrorInTheFileIsReported() {
        DeploymentException e = catchThrowableOfType(DeploymentException.class,
                () -> read("[s]", "a = 1", "oops", "a = 2", "[s]", "= 3"));
        List<String> expected = List.of(
                "Error in file app.ini: line 3: expected 'key = value', 'key: value' or a [section] header, found: 'oops'",
                "Error in file app.ini: line 4: key 'a' already exists in section [s] (first at line 2)",
                "Error in file app.ini: line 5: section [s] already exists (first at line 1)",
                "Error in file app.ini: line 6: an option needs a key before its '=', found: '= 3'");
        assertThat(e.problems()).extracting(Problem::text).containsExactlyElementsOf(expected);
        assertThat(e.problems()).allMatch(Problem::isError);
        assertThat(e.getMessage()).isEqualTo(String.join("\n", expected));
    }

    @Test
    void crlfAndCarriageReturnLineEndingsAreHandled() {
        ConfigFile file = IniReader.read(FILE, "[s]\r\na = one\r\n    two\r\nb = x\rc = y\r\n");
        assertThat(values(file, "s")).containsExactly(Map.entry("a", "one\ntwo"), Map.entry("b", "x"),
                Map.entry("c", "y"));
    }

    @Test
    void byteOrderMarkIsIgnored() {
        ConfigFile file = IniReader.read(FILE, "\uFEFF[app:main]\nuse = x\n");
        assertThat(file.sections()).extracting(Section::name).containsExactly("app:main");
    }

    @Test
    void defaultSectionIsAnOrdinarySectionOfTheModel() {
        ConfigFile file = read("[app:main]", "a = 1", "[DEFAULT]", "debug = true");
        assertThat(file.sections()).extracting(Section::name).containsExactly("app:main", "DEFAULT");
        assertThat(file.defaults().orElseThrow().options()).extracting(Option::key).containsExactly("debug");
        assertThat(file.namedSections()).extracting(Section::name).containsExactly("app:main");
    }

    @Test
    void commentsBeforeEachSectionAndOptionAreKeptWithTheirMarker() {
        ConfigFile file = read("# about the file", "", "; about s", "[s]", "  # about a", "a = 1",
                "    # inside a's value", "    more", "b = 2", "# at the end", "; really");
        Section s = file.sections().getFirst();
        assertThat(s.comments()).containsExactly("# about the file", "; about s");
        assertThat(s.options()).extracting(Option::comments)
                .containsExactly(List.of("# about a"), List.of("# inside a's value"));
        assertThat(file.trailingComments()).containsExactly("# at the end", "; really");
    }

    @Test
    void sectionsAndOptionsKnowTheLineOfTheirHeaderOrKey() {
        ConfigFile file = read("# c", "[s]", "a = 1", "    continued", "", "b = 2");
        Section s = file.sections().getFirst();
        assertThat(s.line()).isEqualTo(2);
        assertThat(s.options()).extracting(Option::line).containsExactly(3, 6);
    }

    @Test
    void emptyFileHasNoSections() {
        assertThat(IniReader.read(FILE, "").sections()).isEmpty();
    }
}
