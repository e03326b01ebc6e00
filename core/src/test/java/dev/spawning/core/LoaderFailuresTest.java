package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.spawning.core.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the user reads when a factory, a file or a port lets them down. */
class LoaderFailuresTest {

    private static final String FILE = Fixtures.file("failures.ini").toString();

    private static Deployment failures() {
        return Fixtures.deployment("failures.ini");
    }

    private static String at(int line) {
        return "Error in file " + FILE + ": line " + line + ": ";
    }

    @Test
    void aFactoryThatThrowsIsNamedWithItsSectionAndItsException() {
        assertThatThrownBy(() -> failures().app("broken")).hasMessage(at(1) + "[app:broken] "
                + "call:dev.spawning.core.TestFactories::broken failed: java.lang.IllegalStateException: "
                + "the database is not there");
    }

    @Test
    void aFactorysOwnRefusalIsPlacedInItsSection() {
        assertThatThrownBy(() -> failures().app("refusing")).hasMessage(at(4)
                + "[app:refusing] needs a 'database' setting");
    }

    @Test
    void aFactoryThatReturnsNothingIsAnError() {
        assertThatThrownBy(() -> failures().app("nothing")).hasMessage(at(7)
                + "[app:nothing] call:dev.spawning.core.TestFactories::nothing returned null");
    }

    @Test
    void aFailingConstructorIsNamed() {
        assertThatThrownBy(() -> failures().app("failing_constructor")).hasMessage(at(11)
                + "[app:failing_constructor] use = call:dev.spawning.core.TestFactories$FailingConstructor: the "
                + "constructor of dev.spawning.core.TestFactories$FailingConstructor failed: "
                + "java.lang.IllegalStateException: no licence");
    }

    @Test
    void aFactoryClassMustBePublic() {
        assertThatThrownBy(() -> failures().app("hidden")).hasMessage(at(14)
                + "[app:hidden] use = call:dev.spawning.core.HiddenFactory: dev.spawning.core.HiddenFactory must be "
                + "public to be used as a factory");
    }

    @Test
    void aClassOfAnotherProtocolIsRefusedForAPasteKeyAndForCall() {
        assertThatThrownBy(() -> failures().app("filter_class_as_app")).hasMessage(at(17)
                + "[app:filter_class_as_app] paste.app_factory = dev.spawning.examples.CapsFilterFactory: "
                + "dev.spawning.examples.CapsFilterFactory is a filter factory, but paste.app_factory needs an app "
                + "factory");
        assertThatThrownBy(() -> failures().app("filter_class_by_call")).hasMessage(at(20)
                + "[app:filter_class_by_call] use = call:dev.spawning.examples.CapsFilterFactory: "
                + "dev.spawning.examples.CapsFilterFactory is a filter factory, but [app:filter_class_by_call] needs "
                + "an app factory or a composite factory");
    }

    @Test
    void everyBadKeyOfAUrlmapIsAProblemAtItsOwnLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("map.ini");
        Files.writeString(file, """
                [composite:main]
                use = service:urlmap
                foo = a
                /x = a
                /x/ = a
                """);
        String at = "error: Error in file " + file + ": line ";
        assertThat(Deployment.ofUri("config:" + file, null).check()).extracting(Problem::toString).containsExactly(
                at + "3: [composite:main] path expression 'foo': a path must start with / or http:// or https://",
                at + "5: [composite:main] path expression '/x/': maps the same path as '/x'; remove one of them");
    }

    @Test
    void aSocketBoundElsewhereIsRefusedForAProviderThatCannotServeOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("handed.ini");
        Files.writeString(file, "[server:main]\nuse = call:dev.spawning.core.TestFactories::server\nbind = fd://0\n");
        assertThat(Deployment.ofUri("config:" + file, null).check()).extracting(Problem::text)
                .containsExactly("Error in file " + file + ": line 3: [server:main] bind = fd://0: "
                        + "dev.spawning.core.TestFactories::server (server factory) cannot serve a socket bound "
                        + "elsewhere; set host and port instead");
    }

    @Test
    void aMissingRequiredSettingIsPlacedOnceAtItsSection(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("needy.ini");
        Files.writeString(file, "# a comment\n[app:main]\nuse = call:dev.spawning.core.TestFactories::needy\n");
        assertThat(Deployment.ofUri("config:" + file, null).check())
                .extracting(Problem::text, Problem::message, Problem::line, Problem::section, Problem::key)
                .containsExactly(tuple("Error in file " + file + ": line 2: [app:main] is missing the setting "
                        + "'database'", "is missing the setting 'database'", 2, "app:main", null));
    }

    @Test
    void aFactorysIssuesAreProblemsAtTheirKeysWithTheirOwnMessages(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("picky.ini");
        Files.writeString(file, """
                [app:main]
                use = call:dev.spawning.core.TestFactories::picky
                workers = lots
                mode = warp
                """);
        assertThat(Deployment.ofUri("config:" + file, null).check())
                .extracting(Problem::text, Problem::message, Problem::line, Problem::section, Problem::key)
                .containsExactly(
                        tuple("Error in file " + file + ": line 3: [app:main] workers = 'lots': expected an integer "
                                + "from 1 to 64", "workers = 'lots': expected an integer from 1 to 64", 3, "app:main",
                                "workers"),
                        tuple("Error in file " + file + ": line 4: [app:main] mode must be fast or slow",
                                "mode must be fast or slow", 4, "app:main", "mode"));
    }

    @Test
    void aRelativeConfigUriNeedsADirectory() {
        assertThatThrownBy(() -> Deployment.ofUri("config:app.ini", null).app())
                .hasMessage("Cannot resolve relative uri 'config:app.ini'; no relative_to keyword argument given");
    }

    @Test
    void checkOfSomethingOtherThanAFileReportsItInsteadOfThrowing() {
        assertThat(Deployment.ofUri("service:echo", null).check()).extracting(Problem::toString)
                .containsExactly("error: Not a deployment file: service:echo");
    }

    @Test
    void aFileThatIsNotUtf8IsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.ini");
        Files.write(file, new byte[] {'[', 'a', 'p', 'p', ':', 'm', 'a', 'i', 'n', ']', '\n', 'x', '=', (byte) 0xE9});
        assertThatThrownBy(() -> Deployment.of(file).app()).hasMessage("Error in file " + file + ": not UTF-8 text");
    }
}
