package dev.spawning.examples.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.App;
import dev.spawning.factory.Factory;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Origin;
import dev.spawning.factory.Protocol;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider: how it is found, and every setting error, verbatim. */
class PagesAppFactoryTest {

    @TempDir
    Path root;

    private Path templates;

    @BeforeEach
    void createTemplates() throws IOException {
        templates = Files.createDirectories(root.resolve("templates"));
        Files.writeString(templates.resolve("greeting.mustache"), "Hello, {{name}}!");
    }

    @Test
    void serviceLoaderFindsTheProviderByItsNameAsAnAppFactory() {
        List<Factory> found = ServiceLoader.load(Factory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(f -> f.getClass().getAnnotation(FactoryProvider.class).name().equals("pages"))
                .toList();

        assertThat(found).singleElement().isInstanceOf(PagesAppFactory.class);
        assertThat(Protocol.implementedBy(PagesAppFactory.class)).containsExactly(Protocol.APP);
        assertThat(PagesAppFactory.class.getAnnotation(FactoryProvider.class).description()).isNotBlank();
    }

    @Test
    void theShippedGreetingTemplateRendersAnHtmlPageWithTheEscapedName() throws Exception {
        Settings local = Settings.builder("app:pages")
                .put("templates", "templates")
                .put("data_dir", root.resolve("data").toString())
                .put("urls", "/greetings/* = greeting")
                .build();
        // A relative templates directory starts at the deployment file's directory: here, the module's.
        Settings global = Settings.builder("").put("here", Path.of("").toAbsolutePath().toString()).build();
        App app = new PagesAppFactory().create(global, local);

        Response put = app.handle(Request.builder().method("PUT").target("/greetings/world")
                .header("Content-Type", "application/json")
                .body("{\"name\": \"<World>\"}".getBytes(StandardCharsets.UTF_8)).build());

        String html = new String(((Response.Body.Bytes) put.body()).data(), StandardCharsets.UTF_8);
        assertThat(put.status()).isEqualTo(201);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<body>").contains("Hello, &lt;World&gt;!");
        assertThat(put.headers().first("Content-Location")).contains("/greetings/world");
    }

    @Test
    void relativeDirectoriesStartAtTheDeploymentFilesDirectory() throws Exception {
        Settings global = Settings.builder("").put("here", root.toString()).build();
        Settings local = Settings.builder("app:pages").put("templates", "templates").put("data_dir", "pages-data")
                .put("urls", "/* = greeting").build();

        new PagesAppFactory().create(global, local);

        assertThat(root.resolve("pages-data").resolve(".lock")).exists();
    }

    @Test
    void namesEveryMissingSetting() {
        assertThatThrownBy(() -> create(Settings.builder("app:pages").build()))
                .isInstanceOf(FactoryException.class)
                .satisfies(e -> assertThat(((FactoryException) e).messages()).containsExactly(
                        "[app:pages] is missing the setting 'templates'",
                        "[app:pages] is missing the setting 'data_dir'",
                        "[app:pages] is missing the setting 'urls'"));
    }

    @Test
    void namesEachBadLineOfUrlsWithItsKeyAndPlace() throws IOException {
        Files.writeString(templates.resolve("broken.mustache"), "{{#open}}");
        Origin origin = new Origin("pages.ini", 7);
        Settings local = valid()
                .put("urls", String.join("\n", "",
                        "/greetings/* = greeting",
                        "greeting",
                        "greetings/* = greeting",
                        "/a/b* = greeting",
                        "/a//b = greeting",
                        "/up/.. = greeting",
                        "/x = ../secret",
                        "/greetings/* = other",
                        "/missing = nowhere",
                        "/broken = broken"), origin)
                .build();

        assertThatThrownBy(() -> create(local))
                .isInstanceOf(FactoryException.class)
                .satisfies(e -> {
                    FactoryException bad = (FactoryException) e;
                    String pattern = "a path pattern that starts with '/' and whose segments are names or *,"
                            + " such as /greetings/*";
                    assertThat(bad.messages()).containsExactly(
                            "Error in file pages.ini: line 7: [app:pages] urls has the line 'greeting': expected PATTERN = TEMPLATE,"
                                    + " such as /greetings/* = greeting",
                            "Error in file pages.ini: line 7: [app:pages] urls has the line 'greetings/* = greeting': expected "
                                    + pattern,
                            "Error in file pages.ini: line 7: [app:pages] urls has the line '/a/b* = greeting': expected " + pattern,
                            "Error in file pages.ini: line 7: [app:pages] urls has the line '/a//b = greeting': expected " + pattern,
                            "Error in file pages.ini: line 7: [app:pages] urls has the line '/up/.. = greeting': expected " + pattern,
                            "Error in file pages.ini: line 7: [app:pages] urls has the line '/x = ../secret': expected a template"
                                    + " name of letters, digits, '.', '-' and '_', such as greeting for the file"
                                    + " greeting.mustache",
                            "Error in file pages.ini: line 7: [app:pages] urls has the line '/greetings/* = other': expected each"
                                    + " pattern once, but /greetings/* is mapped twice",
                            "Error in file pages.ini: line 7: [app:pages] urls has the line '/missing = nowhere': expected a template"
                                    + " file of " + templates + " that exists and compiles (No template file"
                                    + " nowhere.mustache)",
                            "Error in file pages.ini: line 7: [app:pages] urls has the line '/broken = broken': expected a template"
                                    + " file of " + templates + " that exists and compiles (Template broken.mustache does not compile:"
                                    + " Failed to close 'open' tag @[broken.mustache:1])");
                    assertThat(bad.issues()).allSatisfy(issue -> {
                        assertThat(issue.key()).isEqualTo("urls");
                        assertThat(issue.section()).isEqualTo("app:pages");
                        assertThat(issue.origin()).isEqualTo(origin);
                    });
                });
    }

    @Test
    void refusesUrlsWithoutAnyLine() {
        assertThatThrownBy(() -> create(valid().put("urls", "\n  \n").build()))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[app:pages] urls = '\n  \n': expected lines PATTERN = TEMPLATE, such as"
                        + " /greetings/* = greeting");
    }

    @Test
    void refusesATemplatesDirectoryThatIsNone() {
        Path missing = root.resolve("none");

        assertThatThrownBy(() -> create(valid().put("templates", missing.toString()).build()))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[app:pages] templates = '" + missing + "': expected a directory of NAME.mustache files ("
                        + missing + " is none)");
    }

    @Test
    void refusesADataDirectoryThatCannotBeOne() throws IOException {
        Path file = Files.writeString(root.resolve("file"), "x");

        assertThatThrownBy(() -> create(valid().put("data_dir", file.toString()).build()))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[app:pages] data_dir = '" + file + "': expected a directory this process can create"
                        + " and write (FileAlreadyExistsException: " + file + ")");
    }

    @Test
    void refusesABadContentTypeAndMaxBodyTogether() {
        assertThatThrownBy(() -> create(valid().put("content_type", "html").put("max_body", "big").build()))
                .isInstanceOf(FactoryException.class)
                .satisfies(e -> assertThat(((FactoryException) e).messages()).containsExactly(
                        "[app:pages] content_type = 'html': expected a media type such as text/html; charset=utf-8",
                        "[app:pages] max_body = 'big': expected a size such as 8192, 64k or 10m"));
    }

    @Test
    void servesTheConfiguredContentType() throws Exception {
        App app = create(valid().put("content_type", "text/plain; charset=utf-8").build());

        Response put = app.handle(Request.builder().method("PUT").target("/greetings/x")
                .header("Content-Type", "application/json").body("{}".getBytes(StandardCharsets.UTF_8)).build());

        assertThat(put.headers().first("Content-Type")).contains("text/plain; charset=utf-8");
    }

    private Settings.Builder valid() {
        return Settings.builder("app:pages")
                .put("templates", templates.toString())
                .put("data_dir", root.resolve("data").toString())
                .put("urls", "/greetings/* = greeting");
    }

    private static App create(Settings local) {
        return new PagesAppFactory().create(Settings.empty(), local);
    }
}
