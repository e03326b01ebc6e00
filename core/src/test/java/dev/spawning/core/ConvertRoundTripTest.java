package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spawning.core.ConfigFile.Option;
import dev.spawning.core.ConfigFile.Section;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code spawn convert} without loss (section 8 of the deployment-file specification): a file
 * converted to the other form and read back has the same sections, keys, values, order and
 * comments; what the other form cannot hold is refused with the file, line, section and key.
 */
class ConvertRoundTripTest {

    /** The model without line numbers, which a conversion does not keep. */
    private record Shape(String name, List<String> comments, List<OptionShape> options) {
    }

    private record OptionShape(String key, String value, List<String> comments) {
    }

    private static List<Shape> shape(ConfigFile file) {
        return file.sections().stream().map(ConvertRoundTripTest::shape).toList();
    }

    private static Shape shape(Section section) {
        return new Shape(section.name(), section.comments(), section.options().stream()
                .map(o -> new OptionShape(o.key(), o.value(), o.comments())).toList());
    }

    private static Path resource(String name) {
        try {
            return Path.of(ConvertRoundTripTest.class.getResource("/formats/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConfigFile parse(String name) {
        return Session.parse(resource(name), Ref.caller(name));
    }

    private static ConfigFile iniToYamlAndBack(ConfigFile ini) {
        return YamlFormat.read(Path.of("converted.yaml"), YamlFormat.write(ini));
    }

    private static ConfigFile yamlToIniAndBack(ConfigFile yaml) {
        return IniReader.read(Path.of("converted.ini"), IniWriter.write(yaml));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rich.ini", "unicode.ini", "paste.ini"})
    void iniConvertedToYamlReadsBackToTheSameModel(String name) {
        ConfigFile ini = parse(name);
        ConfigFile back = iniToYamlAndBack(ini);
        assertThat(shape(back)).isEqualTo(shape(ini));
        assertThat(back.trailingComments()).isEqualTo(ini.trailingComments());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rich.ini", "unicode.ini", "paste.ini"})
    void iniConvertedToYamlAndBackToIniReadsBackToTheSameModel(String name) {
        ConfigFile ini = parse(name);
        ConfigFile back = yamlToIniAndBack(iniToYamlAndBack(ini));
        assertThat(shape(back)).isEqualTo(shape(ini));
        assertThat(back.trailingComments()).isEqualTo(ini.trailingComments());
    }

    @Test
    void yamlConvertedToIniReadsBackToTheSameModel() {
        ConfigFile yaml = parse("rich.yaml");
        ConfigFile back = yamlToIniAndBack(yaml);
        assertThat(shape(back)).isEqualTo(shape(yaml));
        assertThat(back.trailingComments()).containsExactly("# the end");
        assertThat(shape(iniToYamlAndBack(back))).isEqualTo(shape(yaml));
    }

    @Test
    void richIniKeepsEveryValueAsWritten() {
        Map<String, String> values = values(parse("rich.ini"), "app:main");
        assertThat(values).containsEntry("hash", "# not a comment")
                .containsEntry("semicolon", "x ; not a comment either")
                .containsEntry("url", "http://example.com:8080/path?q=1#frag")
                .containsEntry("tab", "a\tb")
                .containsEntry("multi", "first line\nsecond line\n\nafter a blank line")
                .containsEntry("starts", "\none\ntwo")
                .containsEntry("another", "something more\nacross several\nlines: with a colon\nkey = value")
                .containsEntry("also empty", "");
        assertThat(parse("rich.ini").sections().get(1).options()).filteredOn(o -> o.key().equals("empty"))
                .extracting(Option::comments).containsExactly(List.of("# an indented comment before a key"));
    }

    private static Map<String, String> values(ConfigFile file, String section) {
        Map<String, String> values = new LinkedHashMap<>();
        file.section(section).orElseThrow().options().forEach(o -> values.put(o.key(), o.value()));
        return values;
    }

    @Test
    void richYamlReadsListsAndBlocksAsIniWouldHoldThem() {
        Map<String, String> values = values(parse("rich.yaml"), "app:main");
        assertThat(values).containsEntry("list", "gzip auth main").containsEntry("block list", "one 2")
                .containsEntry("literal", "first line\nsecond line: with a colon\n\nafter a blank line")
                .containsEntry("folded", "folded text").containsEntry("starts", "\none\ntwo")
                .containsEntry("quoted", "it's \"quoted\"");
    }

    @Test
    void writtenYamlLooksNatural() {
        String yaml = YamlFormat.write(parse("rich.ini"));
        assertThat(yaml).startsWith("""
                #!/usr/bin/env spawn
                # A deployment file that uses every part of the INI syntax
                # that `spawn convert` has to carry over to YAML and back.
                DEFAULT:
                  # defaults every section sees
                  debug: false
                  here_dir: '%(here)s'
                  port: 8080

                # the application
                app:main:
                  use: egg:Spawning#main
                  set foo: bar
                """);
        assertThat(yaml).contains("""
                  multi: |-
                    first line
                    second line

                    after a blank line
                """).contains("\n  number: 42\n  float: 1.0\n  negative: -1\n  hex: 0x1F\n  yes: yes\n  no: no\n")
                .contains("\n  empty:\n  also empty:\n")
                .contains("\n\nserver:main:\n  use: egg:Spawning#http\n")
                .endsWith("\n\nloggers:\n  keys: root\n# trailing comment one\n# trailing comment two\n");
    }

    @Test
    void semicolonCommentsBecomeHashCommentsInYaml() {
        ConfigFile ini = IniReader.read(Path.of("app.ini"), "; about s\n[s]\n;about a\na = 1\n");
        String yaml = YamlFormat.write(ini);
        assertThat(yaml).isEqualTo("# about s\ns:\n  #about a\n  a: 1\n");
        assertThat(IniWriter.write(YamlFormat.read(Path.of("app.yaml"), yaml)))
                .isEqualTo("# about s\n[s]\n#about a\na = 1\n");
    }

    @Test
    void yamlValuesThatIniCannotHoldAreRefusedNamingFileLineSectionAndKey() {
        Path file = resource("not-ini.yaml");
        DeploymentException e = catchThrowableOfType(DeploymentException.class,
                () -> IniWriter.write(parse("not-ini.yaml")));
        String refused = " cannot be written as INI without changing its meaning: ";
        assertThat(e.problems()).extracting(Problem::text).containsExactly(
                "Error in file " + file + ": line 3: key 'http://example.com/' in section [composite:main]" + refused
                        + "an INI key cannot contain '=' or ':' or a line break, start with '#', ';' or '[', "
                        + "or have blanks around it",
                "Error in file " + file + ": line 5: the value of key 'indented' in section [app:main]" + refused
                        + "INI strips blanks at the start and end of every line and reads a carriage return as a "
                        + "line break",
                "Error in file " + file + ": line 6: the value of key 'lines' in section [app:main]" + refused
                        + "INI strips blanks at the start and end of every line and reads a carriage return as a "
                        + "line break",
                "Error in file " + file + ": line 9: the value of key 'comment' in section [app:main]" + refused
                        + "INI reads a continuation line starting with '#' or ';' as a comment");
    }

    @Test
    void convertedFileLoadsWithTheSameMeaning(@TempDir Path dir) throws IOException {
        Path ini = dir.resolve("paste.ini");
        Files.copy(resource("paste.ini"), ini);
        Path yaml = dir.resolve("paste.yaml");
        Files.writeString(yaml, FileFormat.YAML.convert(ini), StandardCharsets.UTF_8);
        for (String name : List.of("test1", "test2", "test3", "test_get")) {
            Context fromIni = Deployment.of(ini).context(Kind.APP, name);
            Context fromYaml = Deployment.of(yaml).context(Kind.APP, name);
            assertThat(fromYaml.localConf().asMap()).isEqualTo(fromIni.localConf().asMap());
            Map<String, String> global = new HashMap<>(fromYaml.globalConf().asMap());
            global.put("__file__", ini.toString());
            assertThat(global).isEqualTo(fromIni.globalConf().asMap());
        }
    }
}
