package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Origin;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A problem's text is rendered from its place and its message, in one place. */
class ProblemTest {

    private static final Path FILE = Path.of("/srv/app.ini");

    @Test
    void rendersFileLineSectionLabelAndMessage() {
        Problem problem = Problem.error(FILE, 7, "port = '99999': expected an integer from 0 to 65535")
                .labelled("server:main", "port");
        assertThat(problem.text()).isEqualTo("Error in file /srv/app.ini: line 7: [server:main] "
                + "port = '99999': expected an integer from 0 to 65535");
        assertThat(problem.message()).isEqualTo("port = '99999': expected an integer from 0 to 65535");
        assertThat(problem.file()).isEqualTo("/srv/app.ini");
        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.section()).isEqualTo("server:main");
        assertThat(problem.key()).isEqualTo("port");
    }

    @Test
    void leavesTheLabelOutWhenTheMessageNamesTheSectionItself() {
        Problem problem = Problem.error(new Origin(FILE.toString(), 8),
                "Unknown setting 'idle_timout' in [server:main]. Did you mean: idle_timeout?")
                .in("server:main", "idle_timout");
        assertThat(problem.text()).isEqualTo("Error in file /srv/app.ini: line 8: "
                + "Unknown setting 'idle_timout' in [server:main]. Did you mean: idle_timeout?");
        assertThat(problem.section()).isEqualTo("server:main");
        assertThat(problem.key()).isEqualTo("idle_timout");
    }

    @Test
    void rendersTheFileAloneWhenTheLineIsNotKnown() {
        assertThat(Problem.error(FILE, 0, "not UTF-8 text").text())
                .isEqualTo("Error in file /srv/app.ini: not UTF-8 text");
    }

    @Test
    void rendersTheMessageAloneWithoutAFile() {
        assertThat(Problem.error("URI has no scheme: 'nothing'").text()).isEqualTo("URI has no scheme: 'nothing'");
        assertThat(Problem.error((Origin) null, "no class x").labelled("app:main", "use").text())
                .isEqualTo("[app:main] no class x");
    }

    @Test
    void rendersAWarningAsAWarning() {
        Problem warning = Problem.warning(FILE, 42, "debug = true is ignored").labelled("app:shadowed", "debug");
        assertThat(warning.text())
                .isEqualTo("Warning in file /srv/app.ini: line 42: [app:shadowed] debug = true is ignored");
        assertThat(warning.isError()).isFalse();
        assertThat(warning).hasToString("warning: " + warning.text());
    }

    @Test
    void anErrorSaysSoBeforeItsText() {
        assertThat(Problem.error(FILE, 3, "x")).hasToString("error: Error in file /srv/app.ini: line 3: x");
    }

    @Test
    void anExceptionsMessageIsTheTextOfEachProblem() {
        DeploymentException e = new DeploymentException(List.of(Problem.error(FILE, 1, "a"), Problem.warning("b")));
        assertThat(e).hasMessage("Error in file /srv/app.ini: line 1: a\nb");
    }
}
