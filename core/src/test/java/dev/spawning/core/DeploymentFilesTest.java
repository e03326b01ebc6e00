package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.core.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Deployment#files}: the deployment file and every file its values name through
 * {@code config:}, transitively, found from the text without building anything.
 */
class DeploymentFilesTest {

    @TempDir
    Path dir;

    @Test
    void aCompositesMappingsAndUsesNameTheirFilesAndTheirIncludesFollow() {
        assertThat(Fixtures.deployment("section10.ini").files()).containsExactly(Fixtures.file("section10.ini"),
                Fixtures.file("basic.ini"), Fixtures.file("filters.ini"), Fixtures.file("errors.ini"),
                Fixtures.file("sub/included.ini"));
    }

    @Test
    void aFileThatIncludesItsIncluderIsListedOnce() {
        assertThat(Fixtures.deployment("composite_user.ini").files())
                .containsExactly(Fixtures.file("composite_user.ini"), Fixtures.file("sub/composite.ini"));
        assertThat(Fixtures.deployment("composite_user.yaml").files()).containsExactly(
                Fixtures.file("composite_user.yaml"), Fixtures.file("sub/composite.ini"),
                Fixtures.file("composite_user.ini"));
    }

    @Test
    void nextAndAnEscapedNameAreIncludesToo() {
        assertThat(Fixtures.deployment("semantics.ini").files()).containsExactly(Fixtures.file("semantics.ini"),
                Fixtures.file("sub/included.ini"), Fixtures.file("sub/space name.ini"));
    }

    @Test
    void interpolatedPipelineMissingAndBrokenIncludesAreListedAndOnlyReadableOnesFollowed() throws Exception {
        Path main = dir.resolve("main.ini");
        Files.writeString(main, """
                [DEFAULT]
                parts = %(here)s/parts

                [pipeline:main]
                pipeline = config:filters.ini#caps app

                [app:app]
                use = config:%(parts)s/app.ini

                [app:gone]
                use = config:missing.ini

                [app:broken]
                use = config:broken.ini

                [app:unset]
                use = config:${env:SPAWNING_FILES_TEST_UNSET}/x.ini

                [app:text]
                use = service:text
                body = not config:a file
                """);
        Files.createDirectories(dir.resolve("parts"));
        Files.writeString(dir.resolve("parts/app.ini"), "[app:main]\nuse = config:../deep.yaml\n");
        Files.writeString(dir.resolve("deep.yaml"), "app:main:\n  use: service:text\n  body: deep\n");
        Files.writeString(dir.resolve("broken.ini"), "[app:main\nuse = config:never.ini\n");

        assertThat(Deployment.of(main).files()).containsExactly(main, dir.resolve("filters.ini"),
                dir.resolve("parts/app.ini"), dir.resolve("missing.ini"), dir.resolve("broken.ini"),
                dir.resolve("deep.yaml"));
    }

    @Test
    void theGlobalsPassedInInterpolateIncludes() throws Exception {
        Path main = dir.resolve("main.ini");
        Files.writeString(main, "[app:main]\nuse = config:%(variant)s.ini\n");

        assertThat(Deployment.of(main).withGlobalConf(Map.of("variant", "blue")).files())
                .containsExactly(main, dir.resolve("blue.ini"));
    }

    @Test
    void aDeploymentFileThatCannotBeReadIsAnError() {
        Path missing = dir.resolve("missing.ini");
        assertThatThrownBy(() -> Deployment.of(missing).files()).isInstanceOf(DeploymentException.class)
                .hasMessage("Error in file " + missing + ": no such file");
        assertThatThrownBy(() -> Deployment.ofUri("service:text", null).files())
                .isInstanceOf(DeploymentException.class).hasMessage("Not a deployment file: service:text");
    }
}
