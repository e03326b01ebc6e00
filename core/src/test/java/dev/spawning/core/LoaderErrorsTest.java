package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Every error of the loader names the file and line; the texts Paste users know are kept verbatim. */
class LoaderErrorsTest {

    private static final String FILE = Fixtures.file("errors.ini").toString();
    private static final String APP_PREFIXES =
            "(prefixed by 'app' or 'application' or 'composite' or 'composit' or 'pipeline' or 'filter-app')";

    private static String at(int line) {
        return "Error in file " + FILE + ": line " + line + ": ";
    }

    private static Deployment errors() {
        return Fixtures.deployment("errors.ini");
    }

    @Test
    void aSectionWithoutUseOrFactoryHasNoLoader() {
        assertThatThrownBy(() -> errors().app("no_loader")).hasMessage(at(4)
                + "No loader given in section 'app:no_loader' (give it 'use = service:NAME', 'use = call:CLASS' "
                + "or 'factory = CLASS')");
    }

    @Test
    void twoFactoryKeysAreMultipleProtocols() {
        assertThatThrownBy(() -> errors().app("two_protocols")).hasMessage(at(7)
                + "Multiple protocols given in section 'app:two_protocols': [('factory', "
                + "'dev.spawning.core.TestFactories::hello'), ('paste.app_factory', "
                + "'dev.spawning.core.TestFactories::hello')]");
    }

    @Test
    void aFilterAppNeedsNext() {
        assertThatThrownBy(() -> errors().app("no_next")).hasMessage(at(11)
                + "The [filter-app:no_next] section in " + FILE + " is missing a 'next' setting");
    }

    @Test
    void aPipelineNeedsAPipelineSettingThatIsNotEmpty() {
        assertThatThrownBy(() -> errors().app("no_pipeline")).hasMessage(at(14)
                + "The [pipeline:no_pipeline] section in " + FILE + " is missing a 'pipeline' setting");
        assertThatThrownBy(() -> errors().app("empty_pipeline")).hasMessage(at(17)
                + "The [pipeline:empty_pipeline] section in " + FILE + " is missing a 'pipeline' setting");
    }

    @Test
    void getOfAMissingGlobalNamesSectionAndKey() {
        assertThatThrownBy(() -> errors().app("missing_global")).hasMessage(at(22)
                + "[app:missing_global] get foo = nowhere: there is no global setting 'nowhere'");
    }

    @Test
    void aMissingInterpolationKeyStartsWithErrorInFile() {
        assertThatThrownBy(() -> errors().app("bad_interpolation")).hasMessage(at(26)
                + "Bad value substitution: option 'path' in section 'app:bad_interpolation' contains an "
                + "interpolation key 'does_not_exist' which is not a valid option name. "
                + "Raw value: '%(does_not_exist)s/bar'");
    }

    @Test
    void anUnknownProviderListsTheNamesOfItsKindAndSuggestsTheClosest() {
        assertThatThrownBy(() -> errors().app("unknown_provider")).hasMessage(at(29)
                + "Unknown app provider 'tex' for [app:unknown_provider]. Did you mean: text? App providers on the "
                + "classpath: actors, cascade, echo, health, pages, static, text, topics, urlmap. A provider comes from a jar on the classpath (add one "
                + "with --classpath); 'spawn factories' lists them.");
    }

    @Test
    void aProviderOfAnotherKindSaysWhatItIs() {
        assertThatThrownBy(() -> errors().app("wrong_kind")).hasMessage(at(32)
                + "Provider 'caps' is a filter factory; [app:wrong_kind] needs an app factory or a composite "
                + "factory. App providers on the classpath: actors, cascade, echo, health, pages, static, text, topics, urlmap.");
    }

    @Test
    void anUnknownSchemeListsTheKnownOnes() {
        assertThatThrownBy(() -> errors().app("unknown_scheme")).hasMessage(at(35)
                + "[app:unknown_scheme] use = foo:bar: URI scheme not known: 'foo' (from config, service, egg, call)");
    }

    @Test
    void aMissingSectionNamesTheReferenceAndThePrefixes() {
        assertThatThrownBy(() -> errors().app("missing_section")).hasMessage(at(45)
                + "No section 'nothere' " + APP_PREFIXES + " found in config " + FILE);
        assertThatThrownBy(() -> errors().app("bad_entry")).hasMessage(at(48)
                + "No section 'nothere' " + APP_PREFIXES + " found in config " + FILE);
    }

    @Test
    void aTopLevelNameThatIsMissingSuggestsTheClosestSection() {
        assertThatThrownBy(() -> errors().app("no_loadr")).hasMessage(
                "No section 'no_loadr' " + APP_PREFIXES + " found in config " + FILE + " Did you mean: no_loader?");
    }

    @Test
    void callOfAMissingClassOrOfANonFactoryIsRefused() {
        assertThatThrownBy(() -> errors().app("no_class")).hasMessage(at(51)
                + "[app:no_class] use = call:com.example.Missing: no class com.example.Missing on the classpath "
                + "(add its jar or directory with --classpath)");
        assertThatThrownBy(() -> errors().app("not_a_factory")).hasMessage(at(54)
                + "[app:not_a_factory] use = call:java.lang.String: java.lang.String is not a factory: it implements "
                + "none of AppFactory, CompositeFactory, FilterFactory, FilterAppFactory, ServerFactory, ServerRunner");
    }

    @Test
    void aUriWithoutSchemeOrWithAnUnknownSchemeIsRefusedForCallers() {
        assertThatThrownBy(() -> Deployment.ofUri("nothing", Fixtures.dir()).app())
                .hasMessage("URI has no scheme: 'nothing'");
        assertThatThrownBy(() -> Deployment.ofUri("Foo:bar", Fixtures.dir()).app())
                .hasMessage("URI scheme not known: 'foo' (from config, service, egg, call)");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> Fixtures.deployment("absent.ini").app())
                .hasMessage("Error in file " + Fixtures.file("absent.ini") + ": no such file");
    }

    @Test
    void checkReportsEveryErrorOnceWithItsLineAndTheWarnings() {
        assertThat(errors().check()).extracting(Problem::toString).containsExactly(
                "error: " + at(4) + "No loader given in section 'app:no_loader' (give it 'use = service:NAME', "
                        + "'use = call:CLASS' or 'factory = CLASS')",
                "error: " + at(7) + "Multiple protocols given in section 'app:two_protocols': [('factory', "
                        + "'dev.spawning.core.TestFactories::hello'), ('paste.app_factory', "
                        + "'dev.spawning.core.TestFactories::hello')]",
                "error: " + at(11) + "The [filter-app:no_next] section in " + FILE + " is missing a 'next' setting",
                "error: " + at(14) + "The [pipeline:no_pipeline] section in " + FILE
                        + " is missing a 'pipeline' setting",
                "error: " + at(17) + "The [pipeline:empty_pipeline] section in " + FILE
                        + " is missing a 'pipeline' setting",
                "error: " + at(22) + "[app:missing_global] get foo = nowhere: there is no global setting 'nowhere'",
                "error: " + at(26) + "Bad value substitution: option 'path' in section 'app:bad_interpolation' "
                        + "contains an interpolation key 'does_not_exist' which is not a valid option name. "
                        + "Raw value: '%(does_not_exist)s/bar'",
                "error: " + at(29) + "Unknown app provider 'tex' for [app:unknown_provider]. Did you mean: text? "
                        + "App providers on the classpath: actors, cascade, echo, health, pages, static, text, topics, urlmap. A provider comes from a jar "
                        + "on the classpath (add one with --classpath); 'spawn factories' lists them.",
                "error: " + at(32) + "Provider 'caps' is a filter factory; [app:wrong_kind] needs an app factory or "
                        + "a composite factory. App providers on the classpath: actors, cascade, echo, health, pages, static, text, topics, urlmap.",
                "error: " + at(35) + "[app:unknown_scheme] use = foo:bar: URI scheme not known: 'foo' "
                        + "(from config, service, egg, call)",
                "error: " + at(38) + "Unknown server provider 'undertw' for [server:typo]. Did you mean: undertow? "
                        + "Server providers on the classpath: coroutine, undertow. A provider comes from a jar on the "
                        + "classpath (add one with --classpath); 'spawn factories' lists them.",
                "error: " + at(45) + "No section 'nothere' " + APP_PREFIXES + " found in config " + FILE,
                "error: " + at(48) + "No section 'nothere' " + APP_PREFIXES + " found in config " + FILE,
                "error: " + at(51) + "[app:no_class] use = call:com.example.Missing: no class "
                        + "com.example.Missing on the classpath (add its jar or directory with --classpath)",
                "error: " + at(54) + "[app:not_a_factory] use = call:java.lang.String: java.lang.String is not a "
                        + "factory: it implements none of AppFactory, CompositeFactory, FilterFactory, "
                        + "FilterAppFactory, ServerFactory, ServerRunner",
                "warning: Warning in file " + FILE + ": line 42: [app:shadowed] debug = true is ignored: 'debug' "
                        + "is set in [DEFAULT], and a local setting with the name of a default is dropped (Paste "
                        + "Deploy's rule). Write 'set debug = true' to override the default for this section, or "
                        + "'get debug = debug' to pass the default's value on as a local setting.",
                "warning: Warning in file " + FILE + ": line 56: section [ap:typo] is ignored: 'ap' is not a "
                        + "section prefix. Did you mean: app?");
    }
}
