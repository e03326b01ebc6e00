package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.core.testing.Apps;
import dev.spawning.core.testing.Fixtures;
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
        assertThat(d.warnings(Kind.APP, "shadow")).extracting(Problem::text).containsExactly(
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

    @ParameterizedTest
    @ValueSource(strings = {"semantics.ini", "semantics.yaml"})
    void filterWithAndNextMayBeUris(String file) throws Exception {
        Deployment d = Fixtures.deployment(file);
        assertThat(Apps.bodyOf(d.app("fw_uri"), "/")).isEqualTo("THIS IS BASIC APP");
        Map<String, Object> echoed = Apps.json(Apps.bodyOf(d.app("next_uri"), "/"));
        assertThat(echoed.get("GLOBAL_CONF")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("SEEN_BY_NEXT", "YES");
    }

    @ParameterizedTest
    @ValueSource(strings = {"semantics.ini", "semantics.yaml"})
    void getSeesASetWrittenAfterIt(String file) {
        assertThat(Fixtures.deployment(file).context(Kind.APP, "get_before_set").localConf().asMap())
                .containsExactly(Map.entry("seen", "yes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"semantics.ini", "semantics.yaml"})
    void theFirstFilterOfAPipelineIsTheOutermost(String file) throws Exception {
        assertThat(Apps.bodyOf(Fixtures.deployment(file).app("two_filters"), "/")).isEqualTo("[This is basic app]!");
    }

    @ParameterizedTest
    @ValueSource(strings = {"semantics.ini", "semantics.yaml"})
    void percentEscapesInAConfigPathAreDecoded(String file) throws Exception {
        assertThat(Apps.bodyOf(Fixtures.deployment(file).app("spaced_include"), "/"))
                .isEqualTo("from a file with a space in its name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"here_override.ini", "here_override.yaml"})
    void aFilesOwnHereOverridesTheBuiltIn(String file) {
        Context c = Fixtures.deployment(file).context(Kind.APP, "main");
        assertThat(c.localConf().asMap()).containsExactly(Map.entry("path", "/custom/x"));
        assertThat(c.globalConf().asMap()).containsEntry("here", "/custom");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ignored_sections.ini", "ignored_sections.yaml"})
    void sectionsWithoutAKnownPrefixAreIgnored(String file) throws Exception {
        assertThat(Apps.bodyOf(Fixtures.deployment(file).app("main"), "/")).isEqualTo("This is basic app");
        assertThat(Fixtures.deployment(file).check()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aSyntaxErrorInAnIgnoredSectionIsStillFatal(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("app.ini");
        java.nio.file.Files.writeString(file, "[loggers]\nkeys root\n\n[app:main]\nuse = service:text\n");
        assertThatThrownBy(() -> Deployment.of(file).app()).hasMessage("Error in file " + file
                + ": line 2: expected 'key = value', 'key: value' or a [section] header, found: 'keys root'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic.ini", "basic.yaml"})
    void aLocalKeyNamedLikeAPassedInGlobalIsDroppedAndWarnedAbout(String file) {
        Deployment d = Fixtures.deployment(file).withGlobalConf(Map.of("setting1", "global"));
        assertThat(d.context(Kind.APP, "test1").localConf().asMap()).doesNotContainKey("setting1");
        assertThat(d.warnings(Kind.APP, "test1")).extracting(Problem::text).singleElement().asString()
                .contains("[app:test1] setting1 = foo is ignored: 'setting1' is passed in as a global,");
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic.ini", "basic.yaml"})
    void anIncludedFileInterpolatesWithItsOwnDefaultsFirst(String file) {
        assertThat(Fixtures.deployment(file).context(Kind.APP, "test_foreign_config").localConf().asMap())
                .containsEntry("globseen", "orig");
    }
}
