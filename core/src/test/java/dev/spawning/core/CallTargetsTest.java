package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.core.testing.Apps;
import dev.spawning.core.testing.Fixtures;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import org.junit.jupiter.api.Test;

/** {@code call:} targets and explicit factory keys, created through Guice. */
class CallTargetsTest {

    private static final String FILE = Fixtures.file("calls.ini").toString();

    private static Deployment calls() {
        return Fixtures.deployment("calls.ini");
    }

    @Test
    void aStaticMethodWithTheAppSignatureIsAnAppFactory() throws Exception {
        assertThat(Apps.bodyOf(calls().app("method"), "/")).isEqualTo("hi");
    }

    @Test
    void aStaticMethodReturningAFactoryIsCalledForIt() throws Exception {
        assertThat(Apps.bodyOf(calls().app("produced"), "/")).isEqualTo("produced");
    }

    @Test
    void explicitFactoryKeysTakeTheCallFormWithoutScheme() throws Exception {
        assertThat(Apps.bodyOf(calls().app("explicit"), "/")).isEqualTo("explicit");
        assertThat(Apps.bodyOf(calls().app("factory_key"), "/")).isEqualTo("hello");
    }

    @Test
    void filterAndFilterAppMethodsComposeWithApps() throws Exception {
        assertThat(Apps.bodyOf(calls().app("filtered"), "/")).isEqualTo("hi!");
        App questioned = calls().filter("exclaim").apply(request -> Response.text(200, "what"));
        assertThat(Apps.bodyOf(questioned, "/")).isEqualTo("what?");
        assertThat(Apps.bodyOf(calls().app("bracketed"), "/")).isEqualTo("[hi]");
    }

    @Test
    void aCompositeMethodLoadsOtherAppsThroughItsLoader() throws Exception {
        assertThat(Apps.bodyOf(calls().app("delegating"), "/")).isEqualTo("hi");
    }

    @Test
    void aClassOfTwoProtocolsIsUsedAsTheSectionPrefixSays() throws Exception {
        assertThat(Apps.bodyOf(calls().app("either"), "/")).isEqualTo("as app");
        assertThat(Apps.bodyOf(calls().app("either_composite"), "/")).isEqualTo("as composite");
    }

    @Test
    void aFactoryClassMayInjectTheApplicationsServices() throws Exception {
        Injector injector = Guice.createInjector(binder ->
                binder.bind(TestFactories.Greeting.class).toInstance(() -> "injected hello"));
        assertThat(Apps.bodyOf(calls().withInjector(injector).app("injected"), "/")).isEqualTo("injected hello");
    }

    @Test
    void aFactoryClassWhoseDependenciesAreMissingSaysSo() {
        assertThatThrownBy(() -> calls().app("injected")).hasMessage("Error in file " + FILE
                + ": line 37: [app:injected] use = call:dev.spawning.core.TestFactories$GreetingFactory: cannot "
                + "create dev.spawning.core.TestFactories$GreetingFactory through Guice: No implementation for "
                + "dev.spawning.core.TestFactories$Greeting was bound. (Bind what a factory needs in the injector "
                + "given to Deployment.withInjector or SpawningModule; a factory that needs nothing has a public "
                + "no-argument constructor.)");
    }

    @Test
    void aMethodWithoutAFactorySignatureListsTheForms() {
        assertThatThrownBy(() -> calls().app("wrong_signature")).hasMessage("Error in file " + FILE
                + ": line 40: [app:wrong_signature] use = call:dev.spawning.core.TestFactories::notOne: "
                + "dev.spawning.core.TestFactories::notOne is not an app factory or a composite factory; a factory "
                + "method has one of these forms: App m(Settings global, Settings local); App m(Loader loader, "
                + "Settings global, Settings local); Filter m(Settings global, Settings local); App m(App next, "
                + "Settings global, Settings local); Server m(Settings global, Settings local); void m(App app, "
                + "Settings global, Settings local); a factory returned by m()");
    }

    @Test
    void aMissingMethodIsNamed() {
        assertThatThrownBy(() -> calls().app("no_method")).hasMessage("Error in file " + FILE
                + ": line 43: [app:no_method] use = call:dev.spawning.core.TestFactories::absent: no public static "
                + "method absent in dev.spawning.core.TestFactories");
    }

    @Test
    void aPasteKeyDemandsItsProtocol() {
        assertThatThrownBy(() -> calls().app("wrong_paste_key")).hasMessage("Error in file " + FILE
                + ": line 46: [app:wrong_paste_key] paste.app_factory = dev.spawning.core.TestFactories::exclaim: "
                + "dev.spawning.core.TestFactories::exclaim is not an app factory; a factory method has one of "
                + "these forms: App m(Settings global, Settings local); App m(Loader loader, Settings global, "
                + "Settings local); Filter m(Settings global, Settings local); App m(App next, Settings global, "
                + "Settings local); Server m(Settings global, Settings local); void m(App app, Settings global, "
                + "Settings local); a factory returned by m()");
    }

    @Test
    void theUseValueIsInterpolated() throws Exception {
        assertThat(Apps.bodyOf(calls().app("interpolated_use"), "/")).isEqualTo("hello");
    }

    @Test
    void everyPasteFactoryKeyIsUnderstood() throws Exception {
        assertThat(Apps.bodyOf(calls().app("composit_key"), "/")).isEqualTo("hi");
        assertThat(calls().server("made").addresses()).containsExactly(new java.net.InetSocketAddress("127.0.0.1", 1));
    }

    @Test
    void aServerRunnerServesOnItsOwnThreadUntilStopped() throws Exception {
        dev.spawning.factory.Server runner = calls().server("runner");
        int before = TestFactories.RUNS.get();
        runner.start(request -> Response.text(200, "x"));
        assertThat(runner.addresses()).isEmpty();
        dev.spawning.factory.StopReport report = runner.stop(java.time.Duration.ofSeconds(5));
        assertThat(report.cutOff()).isZero();
        runner.await();
        assertThat(TestFactories.RUNS.get()).isEqualTo(before + 1);
    }
}
