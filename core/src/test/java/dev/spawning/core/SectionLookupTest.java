package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sections 2 to 6 of the specification: finding sections, use, set/get, defaults, filter-with. */
class SectionLookupTest {

    private static final App TEXT = request -> Response.text(200, "This is basic app");

    @ParameterizedTest
    @ValueSource(strings = {"semantics.ini", "semantics.yaml"})
    void theFirstAliasOfAGroupWinsWithoutAmbiguity(String file) throws Exception {
        App app = Fixtures.deployment(file).app("main");
        assertThat(Apps.json(Apps.bodyOf(app, "/"))).containsKey("local_conf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"semantics.ini", "semantics.yaml"})
    void matchesInTwoGroupsAreAmbiguous(String file) {
        String path = Fixtures.file(file).toString();
        assertThatThrownBy(() -> Fixtures.deployment(file).app("amb")).hasMessage(
                "Ambiguous section names ['app:amb', 'pipeline:amb'] for section 'amb' (prefixed by 'app' or "
                        + "'application' or 'composite' or 'composit' or 'pipeline' or 'filter-app') found in config "
                        + path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"semantics.ini", "semantics.yaml"})
    void prefixesAreCaseSensitive(String file) {
        String path = Fixtures.file(file).toString();
        assertThatThrownBy(() -> Fixtures.deployment(file).app("upper")).hasMessage(
                "No section 'upper' (prefixed by 'app' or 'application' or 'composite' or 'composit' or "
                        + "'pipeline' or 'filter-app') found in config " + path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"semantics.ini", "semantics.yaml"})
    void whitespaceAroundASectionNameIsStripped(String file) throws Exception {
        assertThat(Apps.bodyOf(Fixtures.deployment(file).app("spaced"), "/")).isEqualTo("spaced");
    }

    @ParameterizedTest
    @ValueSource(strings = {"semantics.ini", "semantics.yaml"})
    void aLocalKeyNamedLikeADefaultIsDroppedAndWarnedAbout(String file) {
        Deployment d = Fixtures.deployment(file);
        Context c = d.context(Kind.APP, "shadow");
        assertThat(c.localConf().asMap()).isEmpty();
        assertThat(c.globalConf().asMap()).containsEntry("debug", "false").containsEntry("flag", "on");
        int line = 31;
        assertThat(d.warnings(Kind.APP, "shadow")).extracting(Problem::message).containsExactly(
                "Warning in file " + Fixtures.file(file) + ": line " + line + ": [app:shadow] debug = true is "
                        + "ignored: 'debug' is set in [DEFAULT], and a local setting with the name of a default is "
                        + "dropped (Paste Deploy's rule). Write 'set debug = true' to override the default for this "
                        + "section, or 'get debug = debug' to pass the default's value on as a local setting.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"semantics.ini", "semantics.yaml"})
    void aDoubledPercentInDefaultsIsALiteralPercent(String file) {
        assertThat(Fixtures.deployment(file).context(Kind.APP, "main").globalConf().asMap())
                .containsEntry("pct", "100%");
    }

    @ParameterizedTest
    @ValueSource(strings = {"semantics.ini", "semantics.yaml"})
    void aSectionThatUsesAFilteredSectionKeepsItsExtraLocalKeys(String file) throws Exception {
        Map<String, Object> echoed = Apps.json(Apps.bodyOf(Fixtures.deployment(file).app("uses_filtered"), "/"));
        assertThat(echoed.get("LOCAL_CONF")).isEqualTo(Map.of("EXAMPLE", "TEST", "EXTRA", "KEPT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"semantics.ini", "semantics.yaml"})
    void useOfABareNameInAFilterSectionLooksForFiltersOnly(String file) throws Exception {
        App app = Fixtures.deployment(file).filter("uses_main").apply(TEXT);
        assertThat(Apps.bodyOf(app, "/")).isEqualTo("this is basic app");
    }

    @ParameterizedTest
    @ValueSource(strings = {"semantics.ini", "semantics.yaml"})
    void filterWithOnAPipelineWrapsTheResultingApp(String file) throws Exception {
        assertThat(Apps.bodyOf(Fixtures.deployment(file).app("piped_with"), "/")).isEqualTo("this is basic app");
    }

    @ParameterizedTest
    @ValueSource(strings = {"semantics.ini", "semantics.yaml"})
    void filterWithOnAFilterAppWrapsTheResultingApp(String file) throws Exception {
        assertThat(Apps.bodyOf(Fixtures.deployment(file).app("filt_with"), "/")).isEqualTo("this is basic app");
    }

    @ParameterizedTest
    @ValueSource(strings = {"semantics.ini", "semantics.yaml"})
    void callWorksInAFilterAppSection(String file) throws Exception {
        assertThat(Apps.bodyOf(Fixtures.deployment(file).app("called"), "/")).isEqualTo("[This is basic app]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"composite_user.ini", "composite_user.yaml"})
    void aCompositeReachedThroughUseResolvesNamesInTheUsingFile(String file) throws Exception {
        Deployment d = Fixtures.deployment(file);
        assertThat(Apps.bodyOf(d.app("main"), "/")).isEqualTo("user home");
        assertThat(d.context(Kind.APP, "main").globalConf().asMap())
                .containsEntry("__file__", Fixtures.file(file).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"composite_user.ini", "composite_user.yaml"})
    void includesResolveRelativeToTheIncludingFile(String file) throws Exception {
        assertThat(Apps.bodyOf(Fixtures.deployment(file).app("direct"), "/")).isEqualTo("user home");
    }

    @ParameterizedTest
    @ValueSource(strings = {"literal_globals.ini", "literal_globals.yaml"})
    void valuesFromAnIncludingFileAreNotInterpolatedAgain(String file) {
        Context c = Fixtures.deployment(file).context(Kind.APP, "main");
        assertThat(c.localConf().asMap()).containsExactly(
                Map.entry("seen", "100% and " + Fixtures.file("sub").toString()));
        assertThat(c.globalConf().asMap()).containsEntry("pass", "100%").containsEntry("pct", "100%");
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic.ini", "basic.yaml"})
    void globalsPassedInFillOnlyWhatDefaultsLackButWinInTheGlobalConf(String file) {
        Context c = Fixtures.deployment(file).withGlobalConf(Map.of("def1", "passed", "extra", "x%y"))
                .context(Kind.APP, "test1");
        assertThat(c.globalConf().asMap()).containsEntry("def1", "passed").containsEntry("extra", "x%y");
        assertThat(c.localConf().asMap()).containsEntry("apppath", Fixtures.dir() + "/app");
    }
}
