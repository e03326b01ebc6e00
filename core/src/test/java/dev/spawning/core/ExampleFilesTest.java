package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The sample deployment files the README points to load without an error or a warning. */
class ExampleFilesTest {

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    static Stream<Path> exampleFiles() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLES, 2)) {
            return files.filter(p -> p.toString().matches(".*\\.(ini|yaml)$"))
                    .filter(p -> !p.startsWith(EXAMPLES.resolve("target")) && !p.startsWith(EXAMPLES.resolve("src")))
                    // Other programs' files (kubernetes.yaml is a manifest); cli's DeployExamplesTest checks its .ini files.
                    .filter(p -> !p.startsWith(EXAMPLES.resolve("deploy")))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("exampleFiles")
    void checksClean(Path file) {
        assertThat(Deployment.of(file).check()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello.ini", "hello.yaml"})
    void helloAndItsYamlTwinAreOneTextApp(String name) {
        assertThat(Deployment.of(EXAMPLES.resolve(name)).describe(Kind.APP, "main"))
                .isEqualTo("[app:main] text (app factory), service:text\n    body = This is basic app\n");
    }

    @Test
    void theShowcaseAndItsYamlTwinComposeTheSameApps() {
        String ini = Deployment.of(EXAMPLES.resolve("showcase.ini")).describe(Kind.APP, "main");
        String yaml = Deployment.of(EXAMPLES.resolve("showcase.yaml")).describe(Kind.APP, "main");
        assertThat(yaml).isEqualTo(ini).contains("service:actors", "service:pages", "service:topics", "service:static");
    }
}
