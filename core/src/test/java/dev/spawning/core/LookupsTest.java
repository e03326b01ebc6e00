package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One reference, {@code ${prefix:name[:-default]}}, as Commons Configuration's interpolator expands it. */
class LookupsTest {

    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> sys = new HashMap<>();

    private String expand(String reference) {
        return Lookups.of(env, sys).expand(reference);
    }

    private Lookups.Unresolved unresolved(String reference) {
        return catchThrowableOfType(Lookups.Unresolved.class, () -> expand(reference));
    }

    @Test
    void readsEachSource() {
        env.put("HOME", "/home/me");
        sys.put("user.dir", "/srv");
        assertThat(expand("${env:HOME}")).isEqualTo("/home/me");
        assertThat(expand("${sys:user.dir}")).isEqualTo("/srv");
    }

    @Test
    void takesTheDefaultOnlyForAVariableThatIsNotSet() {
        env.put("EMPTY", "");
        assertThat(expand("${env:UNSET:-8080}")).isEqualTo("8080");
        assertThat(expand("${env:UNSET:-}")).isEmpty();
        assertThat(expand("${env:EMPTY:-x}")).isEmpty();
        assertThat(expand("${env:UNSET:-a$${b}")).isEqualTo("a$${b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"${a}", "${a", "$${a}", "${a${b}}", "${a}${b", "x}${", "$$", "${}", "100% %(x)s"})
    void putsInAValueAsItIs(String value) {
        env.put("V", value);
        assertThat(expand("${env:V}")).isEqualTo(value);
        assertThat(expand("${env:V:-default}")).isEqualTo(value);
    }

    @Test
    void aVariableWhoseValueIsItsOwnReferenceIsSet() {
        env.put("SELF", "${env:SELF}");
        assertThat(expand("${env:SELF}")).isEqualTo("${env:SELF}");
    }

    @Test
    void aVariableThatIsNotSetWithoutADefaultIsNamed() {
        Lookups.Unresolved e = unresolved("${sys:app.mode}");
        assertThat(e.reason).isEqualTo(Lookups.Unresolved.Reason.NOT_SET);
        assertThat(e.prefix).isEqualTo("sys");
        assertThat(e.name).isEqualTo("app.mode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"${foo:X}", "${HOME}", "${:X}", "${}", "${foo:X:-default}"})
    void aPrefixThatIsNoSourceIsRefused(String reference) {
        assertThat(unresolved(reference).reason).isEqualTo(Lookups.Unresolved.Reason.UNKNOWN_SOURCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"${env:}", "${env::-default}"})
    void aReferenceWithoutANameIsRefused(String reference) {
        Lookups.Unresolved e = unresolved(reference);
        assertThat(e.reason).isEqualTo(Lookups.Unresolved.Reason.NO_NAME);
        assertThat(e.prefix).isEqualTo("env");
    }
}
