package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spawning.core.Interpolation.Raw;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Interpolation (section 5 of the deployment-file specification): Python's {@code BasicInterpolation}
 * for {@code %(name)s}, and {@code ${env:NAME}}, {@code ${sys:NAME}} beyond it. Messages taken from
 * Python are asserted as Python 3.11 words them, behind Paste Deploy's {@code Error in file F:}.
 */
class InterpolationTest {

    private static final Path FILE = Path.of("app.ini");

    private final Map<String, Raw> names = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> sys = new HashMap<>();

    private InterpolationTest name(String name, String raw) {
        names.put(name, new Raw(raw, false));
        return this;
    }

    private String expand(String raw) {
        return new Interpolation(Lookups.of(env, sys))
                .expand(FILE, 3, "app:test1", "apppath", raw, n -> Optional.ofNullable(names.get(n)));
    }

    private String error(String raw) {
        return catchThrowableOfType(DeploymentException.class, () -> expand(raw)).getMessage();
    }

    @Test
    void nameIsReplacedByItsValue() {
        name("basepath", "/srv/app");
        assertThat(expand("%(basepath)s/static")).isEqualTo("/srv/app/static");
    }

    @Test
    void textWithoutMarkersIsReturnedAsItIs() {
        assertThat(expand("plain text, (with) s")).isEqualTo("plain text, (with) s");
    }

    @Test
    void doublePercentIsALiteralPercent() {
        assertThat(expand("100%% of %%(x)s")).isEqualTo("100% of %(x)s");
    }

    @Test
    void percentFollowedByAnythingElseIsASyntaxError() {
        assertThat(error("100%")).isEqualTo("Error in file app.ini: line 3: Bad interpolation syntax: option 'apppath' "
                + "in section 'app:test1': '%' must be followed by '%' or '(', found: '%'. Raw value: '100%'");
        assertThat(error("50%off")).isEqualTo("Error in file app.ini: line 3: Bad interpolation syntax: option "
                + "'apppath' in section 'app:test1': '%' must be followed by '%' or '(', found: '%off'. "
                + "Raw value: '50%off'");
    }

    @Test
    void unterminatedReferenceIsASyntaxError() {
        assertThat(error("x %(name")).isEqualTo("Error in file app.ini: line 3: Bad interpolation syntax: option "
                + "'apppath' in section 'app:test1': bad interpolation variable reference '%(name'. "
                + "Raw value: 'x %(name'");
        assertThat(error("%(name)d")).isEqualTo("Error in file app.ini: line 3: Bad interpolation syntax: option "
                + "'apppath' in section 'app:test1': bad interpolation variable reference '%(name)d'. "
                + "Raw value: '%(name)d'");
    }

    @Test
    void missingNameIsAnErrorWordedAsPythonWordsIt() {
        assertThat(error("%(does_not_exist)s/bar")).isEqualTo("Error in file app.ini: line 3: Bad value substitution: "
                + "option 'apppath' in section 'app:test1' contains an interpolation key 'does_not_exist' which is "
                + "not a valid option name. Raw value: '%(does_not_exist)s/bar'");
    }

    @Test
    void errorWithoutALineLeavesTheLineOut() {
        DeploymentException e = catchThrowableOfType(DeploymentException.class, () -> new Interpolation(
                Lookups.of(env, sys)).expand(FILE, 0, "DEFAULT", "a", "%(b)s", n -> Optional.empty()));
        assertThat(e.getMessage()).isEqualTo("Error in file app.ini: Bad value substitution: option 'a' in section "
                + "'DEFAULT' contains an interpolation key 'b' which is not a valid option name. Raw value: '%(b)s'");
    }

    @Test
    void referencedValueIsItselfExpanded() {
        name("a", "%(b)s/x").name("b", "%(c)s 100%%").name("c", "${env:ROOT}");
        env.put("ROOT", "/srv");
        assertThat(expand("[%(a)s]")).isEqualTo("[/srv 100%/x]");
    }

    @Test
    void literalValueIsNotExpandedAgain() {
        names.put("passed", new Raw("100% ${env:NOPE} %(x)s", true));
        assertThat(expand("%(passed)s")).isEqualTo("100% ${env:NOPE} %(x)s");
    }

    @Test
    void loopIsAnErrorNotAHang() {
        name("a", "%(b)s").name("b", "%(a)s");
        assertThat(error("%(a)s")).isEqualTo("Error in file app.ini: line 3: Recursion limit exceeded in value "
                + "substitution: option 'apppath' in section 'app:test1' contains an interpolation key which cannot "
                + "be substituted in 10 steps. Raw value: '%(a)s'");
    }

    @Test
    void chainOfTenReferencesWorks() {
        chain(10);
        assertThat(expand("%(v1)s")).isEqualTo("end");
    }

    @Test
    void chainOfElevenReferencesExceedsTheLimit() {
        chain(11);
        assertThat(error("%(v1)s")).startsWith("Error in file app.ini: line 3: Recursion limit exceeded");
    }

    /** {@code v1 -> v2 -> ... -> v<n>}, the last holding plain text: with the raw value, n references. */
    private void chain(int references) {
        for (int i = 1; i < references; i++) {
            name("v" + i, "%(v" + (i + 1) + ")s");
        }
        name("v" + references, "end");
    }

    @Test
    void environmentVariableIsRead() {
        env.put("HOME", "/home/me");
        assertThat(expand("${env:HOME}/app")).isEqualTo("/home/me/app");
    }

    @Test
    void defaultIsUsedOnlyWhenTheVariableIsUnset() {
        env.put("PORT", "9000");
        env.put("EMPTY", "");
        assertThat(expand("${env:PORT:-8080}")).isEqualTo("9000");
        assertThat(expand("${env:UNSET:-8080}")).isEqualTo("8080");
        assertThat(expand("[${env:EMPTY:-x}]")).isEqualTo("[]");
        assertThat(expand("[${env:UNSET:-}]")).isEqualTo("[]");
    }

    @Test
    void systemPropertyIsRead() {
        sys.put("user.dir", "/srv/app");
        assertThat(expand("${sys:user.dir}/logs")).isEqualTo("/srv/app/logs");
    }

    @Test
    void variableValueIsNotExpandedFurther() {
        env.put("X", "%(y)s 100% ${env:X}");
        assertThat(expand("${env:X}")).isEqualTo("%(y)s 100% ${env:X}");
    }

    @Test
    void doubledDollarBeforeABraceIsALiteralDollarBrace() {
        assertThat(expand("$${env:HOME}")).isEqualTo("${env:HOME}");
    }

    @Test
    void percentInsideAReferenceIsNotPasteSyntax() {
        assertThat(expand("${env:RATIO:-50%}")).isEqualTo("50%");
        env.put("RATIO", "75%");
        assertThat(expand("${env:RATIO:-50%} of %%")).isEqualTo("75% of %");
    }

    @Test
    void doubledDollarBeforeAReferenceToANameStaysALiteralDollarBrace() {
        name("x", "inner");
        assertThat(expand("$${%(x)s}")).isEqualTo("${inner}");
        assertThat(expand("$${unclosed")).isEqualTo("${unclosed");
    }

    @Test
    void loneDollarIsLiteral() {
        assertThat(expand("costs $5, $$ or $")).isEqualTo("costs $5, $$ or $");
    }

    @Test
    void unterminatedVariableIsAnError() {
        assertThat(error("${env:HOME/x")).isEqualTo("Error in file app.ini: line 3: Bad interpolation syntax: option "
                + "'apppath' in section 'app:test1': '${' has no closing '}' (write '$${' for a literal '${'). "
                + "Raw value: '${env:HOME/x'");
    }

    @Test
    void unknownSourceIsAnError() {
        assertThat(error("${foo:X}")).isEqualTo("Error in file app.ini: line 3: Bad interpolation syntax: option "
                + "'apppath' in section 'app:test1': '${foo:X}' names no known source; write '${env:NAME}' or "
                + "'${sys:NAME}' (or '$${' for a literal '${'). Raw value: '${foo:X}'");
        assertThat(error("${HOME}")).isEqualTo("Error in file app.ini: line 3: Bad interpolation syntax: option "
                + "'apppath' in section 'app:test1': '${HOME}' names no known source; write '${env:NAME}' or "
                + "'${sys:NAME}' (or '$${' for a literal '${'). Raw value: '${HOME}'");
    }

    @Test
    void variableWithoutANameIsAnError() {
        assertThat(error("${env:}")).isEqualTo("Error in file app.ini: line 3: Bad interpolation syntax: option "
                + "'apppath' in section 'app:test1': '${env:}' names no variable; write '${env:NAME}'. "
                + "Raw value: '${env:}'");
    }

    @Test
    void missingVariableWithoutADefaultIsAnErrorNamingIt() {
        assertThat(error("${env:DB_URL}")).isEqualTo("Error in file app.ini: line 3: Bad value substitution: option "
                + "'apppath' in section 'app:test1' refers to the environment variable 'DB_URL', which is not set "
                + "(give a default with '${env:DB_URL:-value}'). Raw value: '${env:DB_URL}'");
        assertThat(error("${sys:app.mode}")).isEqualTo("Error in file app.ini: line 3: Bad value substitution: option "
                + "'apppath' in section 'app:test1' refers to the system property 'app.mode', which is not set "
                + "(give a default with '${sys:app.mode:-value}'). Raw value: '${sys:app.mode}'");
    }

    @Test
    void errorInAReferencedValueNamesTheOptionBeingExpanded() {
        name("a", "${env:NOPE}");
        assertThat(error("%(a)s")).isEqualTo("Error in file app.ini: line 3: Bad value substitution: option "
                + "'apppath' in section 'app:test1' refers to the environment variable 'NOPE', which is not set "
                + "(give a default with '${env:NOPE:-value}'). Raw value: '%(a)s'");
    }
}
