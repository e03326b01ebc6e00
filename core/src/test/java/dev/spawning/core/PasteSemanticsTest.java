package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cases of section 10 of the deployment-file specification, each run on the INI fixture and
 * on its YAML twin.
 */
class PasteSemanticsTest {

    private static Context context(String file, String name) {
        return Fixtures.deployment(file).context(Kind.APP, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic.ini", "basic.yaml"})
    void defaultsAreInterpolatedAndKeptOutOfLocalConf(String file) {
        Context c = context(file, "test1");
        String dir = Fixtures.dir().toString();
        assertThat(c.localConf().asMap()).containsExactly(
                Map.entry("setting1", "foo"), Map.entry("setting2", "bar"), Map.entry("apppath", dir + "/app"));
        assertThat(c.globalConf().asMap()).containsExactly(
                Map.entry("here", dir), Map.entry("__file__", Fixtures.file(file).toString()),
                Map.entry("def1", "a"), Map.entry("def2", "b"), Map.entry("basepath", dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic.ini", "basic.yaml"})
    void setGoesToGlobalConfAndDoesNotLeakToOtherSections(String file) {
        Context c = context(file, "test2");
        assertThat(c.localConf().asMap()).containsExactly(Map.entry("local conf", "something"));
        assertThat(c.globalConf().asMap()).containsEntry("def1", "test2").containsEntry("another", "TEST");
        assertThat(context(file, "test1").globalConf().asMap()).containsEntry("def1", "a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic.ini", "basic.yaml"})
    void useMergesTheUsingSectionOverTheTarget(String file) {
        Context c = context(file, "test3");
        assertThat(c.localConf().asMap()).containsExactly(Map.entry("local conf", "something"),
                Map.entry("another", "something more\nacross several\nlines"));
        assertThat(c.globalConf().asMap()).containsEntry("def1", "test3").containsEntry("another", "TEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic.ini", "basic.yaml"})
    void getCopiesGlobalsIntoLocalConfAfterEverySet(String file) {
        Context c = context(file, "test_get");
        assertThat(c.localConf().asMap()).containsExactly(Map.entry("def1", "a"), Map.entry("foo", "TEST"));
        assertThat(c.globalConf().asMap()).containsEntry("def2", "TEST");
    }
}
