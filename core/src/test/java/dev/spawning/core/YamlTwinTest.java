package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.core.testing.Apps;
import dev.spawning.core.testing.Fixtures;
import dev.spawning.factory.App;
import dev.spawning.factory.Filter;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every INI deployment file under test resources has a YAML twin with the same sections and keys;
 * loading any section of either gives the same global and local conf, the same built object
 * (the same answers to the same requests), or the same error, up to the file's name and lines.
 */
class YamlTwinTest {

    static Stream<Path> iniFixtures() throws IOException {
        try (Stream<Path> files = Files.walk(Fixtures.dir())) {
            return files.filter(p -> p.toString().endsWith(".ini")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("iniFixtures")
    void theYamlTwinLoadsEverySectionAlike(Path ini) throws Exception {
        Path yaml = Path.of(ini.toString().replaceAll("\\.ini$", ".yaml"));
        assertThat(yaml).as("the YAML twin of %s", ini).exists();
        Deployment fromIni = Deployment.of(ini);
        Deployment fromYaml = Deployment.of(yaml);
        for (Kind kind : Kind.values()) {
            assertThat(fromYaml.names(kind)).isEqualTo(fromIni.names(kind));
            for (String name : fromIni.names(kind)) {
                assertThat(outcome(fromYaml, kind, name)).as("[%s] %s", kind.word(), name)
                        .isEqualTo(outcome(fromIni, kind, name));
            }
        }
        assertThat(normalise(fromYaml.check().toString())).isEqualTo(normalise(fromIni.check().toString()));
    }

    /** What loading one section gives: its conf and what it answers, or its error. */
    private static List<String> outcome(Deployment deployment, Kind kind, String name) throws Exception {
        List<String> outcome = new ArrayList<>();
        try {
            Context context = deployment.context(kind, name);
            outcome.add(normalise(context.section() + " " + context.globalConf().asMap() + " "
                    + context.localConf().asMap()));
            outcome.add(normalise(built(deployment, kind, name)));
        } catch (DeploymentException e) {
            outcome.add(normalise(e.getMessage()));
        }
        return outcome;
    }

    private static String built(Deployment deployment, Kind kind, String name) throws Exception {
        return switch (kind) {
            case APP -> answers(deployment.app(name));
            case FILTER -> {
                Filter filter = deployment.filter(name);
                yield answers(filter.apply(request -> Response.text(200, "Inner App /" + request.pathInfo())));
            }
            case SERVER -> {
                Server server = deployment.server(name);
                yield server.getClass().getName() + " " + server.gracefulTimeout();
            }
        };
    }

    private static String answers(App app) throws Exception {
        StringBuilder answers = new StringBuilder();
        for (String target : List.of("/", "/foo/bar?x=1", "/nothing/here")) {
            Request request = Request.builder().method("GET").target(target).header("Host", "example.com").build();
            Response response = app.handle(request);
            answers.append(response.status()).append(' ').append(response.headers()).append(' ')
                    .append(Apps.body(response)).append('\n');
        }
        return answers.toString();
    }

    /** The same text for either twin: YAML file names read as INI ones, lines left out. */
    private static String normalise(String text) {
        return text.replace(".yaml", ".ini").replace(".YAML", ".INI").replaceAll("line \\d+", "line N");
    }
}
