package dev.spawning.core.builtin;

import static dev.spawning.core.builtin.BuiltinFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.core.testing.Apps;
import dev.spawning.factory.App;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code service:static} reads from its section, and its errors. */
class StaticAppFactoryTest {

    private static final String AT = "Error in file /x/app.ini: line ";

    @TempDir
    Path top;

    @BeforeEach
    void files() throws Exception {
        Files.createDirectories(top.resolve("public"));
        Files.writeString(top.resolve("public/hello.txt"), "hello");
    }

    private static App create(Settings global, String... keysAndValues) {
        return new StaticAppFactory().create(global, settings("app:files", keysAndValues));
    }

    @Test
    void servesTheDirectoryNamedByDirectory() throws Exception {
        App app = create(Settings.empty(), "directory", top.resolve("public").toString());
        assertThat(Apps.bodyOf(app, "/hello.txt")).isEqualTo("hello");
    }

    @Test
    void resolvesARelativeDirectoryAgainstHere() throws Exception {
        App app = create(Settings.of(Map.of("here", top.toString())), "directory", "public");
        assertThat(Apps.bodyOf(app, "/hello.txt")).isEqualTo("hello");
    }

    @Test
    void acceptsPastesDocumentRootForDirectory() throws Exception {
        App app = create(Settings.empty(), "document_root", top.resolve("public").toString());
        assertThat(Apps.bodyOf(app, "/hello.txt")).isEqualTo("hello");
    }

    @Test
    void requiresADirectory() {
        assertThatThrownBy(() -> create(Settings.empty()))
                .isInstanceOf(FactoryException.class)
                .hasMessage(AT + "6: [app:files] is missing the setting 'directory'");
    }

    @Test
    void rejectsADirectoryThatDoesNotExist() {
        Path missing = top.resolve("nothing-here");
        assertThatThrownBy(() -> create(Settings.empty(), "directory", missing.toString()))
                .isInstanceOf(FactoryException.class)
                .hasMessage(AT + "7: [app:files] directory = '" + missing + "': expected an existing directory; "
                        + "there is nothing at " + missing);
    }

    @Test
    void rejectsADirectoryThatIsAFile() {
        Path file = top.resolve("public/hello.txt");
        assertThatThrownBy(() -> create(Settings.empty(), "directory", file.toString()))
                .isInstanceOf(FactoryException.class)
                .hasMessage(AT + "7: [app:files] directory = '" + file + "': expected a directory; " + file
                        + " is not one");
    }

    @Test
    void rejectsAnEmptyDirectory() {
        assertThatThrownBy(() -> create(Settings.empty(), "directory", " "))
                .isInstanceOf(FactoryException.class)
                .hasMessage(AT + "7: [app:files] directory = ' ': expected the path of a directory");
    }

    @Test
    void rejectsBothDirectoryAndDocumentRoot() {
        String dir = top.resolve("public").toString();
        assertThatThrownBy(() -> create(Settings.empty(), "directory", dir, "document_root", dir))
                .isInstanceOf(FactoryException.class)
                .hasMessage(AT + "8: [app:files] document_root is Paste's name for directory; set only one of them");
    }

    @Test
    void rejectsACacheMaxAgeThatIsNotANumberOfSeconds() {
        String dir = top.resolve("public").toString();
        assertThatThrownBy(() -> create(Settings.empty(), "directory", dir, "cache_max_age", "1h"))
                .isInstanceOf(FactoryException.class)
                .hasMessage(AT + "8: [app:files] cache_max_age = '1h': expected a non-negative integer");
    }

    @Test
    void reportsEveryBadSettingAtOnceEachAtItsLine() {
        Path missing = top.resolve("missing");
        assertThatThrownBy(() -> create(Settings.empty(), "root", "x", "directory", missing.toString(),
                "cache_max_age", "-1"))
                .isInstanceOf(FactoryException.class)
                .satisfies(e -> assertThat(((FactoryException) e).messages()).containsExactly(
                        AT + "7: [app:files] root is not a setting of the static app (it has directory, "
                                + "document_root, cache_max_age)",
                        AT + "8: [app:files] directory = '" + missing + "': expected an existing directory; "
                                + "there is nothing at " + missing,
                        AT + "9: [app:files] cache_max_age = '-1': expected a non-negative integer"));
    }
}
