package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spawning.core.ConfigFile.Option;
import dev.spawning.core.ConfigFile.Section;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writing a deployment file as INI: what it looks like, and what INI cannot hold. */
class IniWriterTest {

    private static final Path FILE = Path.of("app.yaml");

    private static ConfigFile model(Option... options) {
        return new ConfigFile(FILE, List.of(new Section("app:main", 1, List.of(options), List.of())), List.of());
    }

    private static Option option(String key, String value) {
        return new Option(key, value, 2, List.of());
    }

    private static List<String> refusals(Option... options) {
        DeploymentException e = catchThrowableOfType(DeploymentException.class, () -> IniWriter.write(model(options)));
        return e.problems().stream().map(Problem::text).toList();
    }

    @Test
    void writesSectionsCommentsAndOptionsWithABlankLineBetweenSections() {
        ConfigFile file = new ConfigFile(FILE, List.of(
                new Section("DEFAULT", 2, List.of(new Option("debug", "true", 4, List.of("# about debug"))),
                        List.of("# top")),
                new Section("app:main", 5, List.of(option("use", "service:echo"), option("empty", "")), List.of())),
                List.of("# the end"));
        assertThat(IniWriter.write(file)).isEqualTo("""
                # top
                [DEFAULT]
                # about debug
                debug = true

                [app:main]
                use = service:echo
                empty =
                # the end
                """);
    }

    @Test
    void writesMultiLineValuesAsIndentedContinuationLines() {
        assertThat(IniWriter.write(model(option("a", "one\ntwo\n\nthree"), option("includes", "\nx.ini\ny.ini"))))
                .isEqualTo("[app:main]\na = one\n    two\n\n    three\nincludes =\n    x.ini\n    y.ini\n");
    }

    @Test
    void writesWhatLooksLikeAnInlineCommentAsIs() {
        assertThat(IniWriter.write(model(option("a", "# x"), option("b", "x ; y"))))
                .isEqualTo("[app:main]\na = # x\nb = x ; y\n");
    }

    @Test
    void keyWithADelimiterIsRefusedNamingFileLineSectionAndKey() {
        assertThat(refusals(option("http://example.com/", "app"))).containsExactly(
                "Error in file app.yaml: line 2: key 'http://example.com/' in section [app:main] cannot be written "
                        + "as INI without changing its meaning: an INI key cannot contain '=' or ':' or a line break, "
                        + "start with '#', ';' or '[', or have blanks around it");
    }

    @Test
    void keysThatReadBackAsSomethingElseAreRefused() {
        assertThat(refusals(option("a=b", "1"), option("#x", "1"), option(";x", "1"), option("[x]", "1"),
                option(" x", "1"), option("", "1"), option("a\nb", "1")))
                .hasSize(7)
                .allMatch(m -> m.contains("cannot be written as INI without changing its meaning: an INI key"));
    }

    @Test
    void valueLineStartingWithBlanksIsRefused() {
        assertThat(refusals(option("a", "one\n  indented"))).containsExactly(
                "Error in file app.yaml: line 2: the value of key 'a' in section [app:main] cannot be written as INI "
                        + "without changing its meaning: INI strips blanks at the start and end of every line and "
                        + "reads a carriage return as a line break");
        assertThat(refusals(option("b", " leading"), option("c", "no-break\u00a0"), option("d", "a\rb")))
                .hasSize(3);
    }

    @Test
    void continuationLineStartingWithACommentMarkerIsRefused() {
        assertThat(refusals(option("a", "one\n# two"), option("b", "one\n; two"))).containsExactly(
                "Error in file app.yaml: line 2: the value of key 'a' in section [app:main] cannot be written as INI "
                        + "without changing its meaning: INI reads a continuation line starting with '#' or ';' as "
                        + "a comment",
                "Error in file app.yaml: line 2: the value of key 'b' in section [app:main] cannot be written as INI "
                        + "without changing its meaning: INI reads a continuation line starting with '#' or ';' as "
                        + "a comment");
    }

    @Test
    void sectionNameThatIsNotOneLineIsRefused() {
        ConfigFile file = new ConfigFile(FILE, List.of(new Section("a\nb", 3, List.of(), List.of())), List.of());
        DeploymentException e = catchThrowableOfType(DeploymentException.class, () -> IniWriter.write(file));
        assertThat(e.getMessage()).isEqualTo("Error in file app.yaml: line 3: section name 'a\\nb' cannot be written "
                + "as INI without changing its meaning: a section name is one line that is not empty");
    }
}
