package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.core.testing.Apps;
import dev.spawning.core.testing.Fixtures;
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

    @ParameterizedTest
    @ValueSource(strings = {"basic.ini", "basic.yaml"})
    void aConfigIncludeSeesItsOwnHereAndTheCallersGlobalsWin(String file) {
        Context c = context(file, "test_foreign_config");
        String dir = Fixtures.dir().toString();
        assertThat(c.localConf().asMap()).containsExactly(Map.entry("setting1", "foo"),
                Map.entry("apppath", dir + "/sub/app"), Map.entry("globseen", "orig"), Map.entry("another", "FOO"));
        assertThat(c.globalConf().asMap()).containsExactly(
                Map.entry("here", dir), Map.entry("__file__", Fixtures.file(file).toString()),
                Map.entry("glob", "override"), Map.entry("bob", "your uncle"), Map.entry("another", "BAR"),
                Map.entry("def1", "a"), Map.entry("def2", "b"), Map.entry("basepath", dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic.ini", "basic.yaml"})
    void eggUrisNameTheProviderInTheirFragment(String file) throws Exception {
        assertThat(Apps.json(Apps.bodyOf(Fixtures.deployment(file).app("test_egg"), "/x")))
                .containsEntry("path_info", "/x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"filters.ini", "filters.yaml"})
    void aPipelineAppliesItsFilterToItsApp(String file) throws Exception {
        Deployment d = Fixtures.deployment(file);
        assertThat(Apps.bodyOf(d.app("piped"), "/")).isEqualTo("THIS IS BASIC APP");
        assertThat(Apps.bodyOf(d.app("piped2"), "/")).isEqualTo("THIS IS BASIC APP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"filters.ini", "filters.yaml"})
    void aFilterAppWrapsItsNextApp(String file) throws Exception {
        Deployment d = Fixtures.deployment(file);
        assertThat(Apps.bodyOf(d.app("filt"), "/")).isEqualTo("this is basic app");
        assertThat(Apps.bodyOf(d.app("filt2"), "/")).isEqualTo("this is basic app");
    }

    @ParameterizedTest
    @ValueSource(strings = {"filters.ini", "filters.yaml"})
    void aPipelineWithAnExtraKeyIsRefused(String file) {
        Deployment d = Fixtures.deployment(file);
        String path = Fixtures.file(file).toString();
        int line = 22;
        assertThatThrownBy(() -> d.app("piped3")).hasMessage("Error in file " + path + ": line " + line
                + ": The [pipeline:piped3] pipeline section in " + path
                + " has extra (disallowed) settings: extra_config_option");
    }

    @ParameterizedTest
    @ValueSource(strings = {"filters.ini", "filters.yaml"})
    void filterWithChainsComposeOutward(String file) throws Exception {
        Deployment d = Fixtures.deployment(file);
        assertThat(Apps.bodyOf(d.app("main"), "/")).isEqualTo("this is basic app");
        assertThat(d.context(Kind.APP, "main").localConf().asMap()).containsExactly(Map.entry("example", "test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"filters.ini", "filters.yaml"})
    void describeShowsFiltersInOrderAndTheProviderOfEachNode(String file) {
        assertThat(Fixtures.deployment(file).describe(Kind.APP, "main")).isEqualTo("""
                [app:main] filter-with
                ├── [filter:filter1] filter-with
                │   ├── [filter:filter2] caps (filter factory), service:caps
                │   │       method_to_call = lower
                │   └── [filter:filter1] caps (filter factory), service:caps
                └── [app:main] text (app factory), service:text
                        example = test
                """);
        assertThat(Fixtures.deployment(file).describe(Kind.APP, "piped")).isEqualTo("""
                [pipeline:piped] pipeline
                ├── caps (filter factory), service:caps
                └── [app:normal] text (app factory), service:text
                """);
    }
}
