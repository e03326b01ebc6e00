package dev.spawning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The deployment files of {@code docs/deployment.md} ({@code examples/deploy/*.ini}) pass {@code spawn check}. */
class DeployExamplesTest {

    private static final Path DEPLOY = Path.of("..", "examples", "deploy").toAbsolutePath().normalize();

    static List<Path> deploymentFiles() throws IOException {
        try (Stream<Path> files = Files.list(DEPLOY)) {
            return files.filter(file -> file.toString().endsWith(".ini")).sorted().toList();
        }
    }

    @Test
    void theGuideHasADeploymentFileForEachPlaceItDeploysTo() throws IOException {
        assertThat(deploymentFiles()).extracting(file -> file.getFileName().toString())
                .containsExactly("behind-haproxy.ini", "behind-nginx.ini", "kubernetes.ini", "systemd.ini");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deploymentFiles")
    void spawnCheckFindsNothingWrong(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Spawn.run(new String[] {"check", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(status).as("out: %s", out).isZero();
    }
}
