package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.core.testing.Apps;
import dev.spawning.core.testing.Fixtures;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import dev.spawning.factory.App;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java API for embedding: Paste Deploy's loadapp, loadfilter, appconfig, and a Guice module. */
class DeploymentApiTest {

    @Test
    void aFileUriNamesItsAppByFragment() throws Exception {
        App app = Deployment.ofUri("config:filters.ini#piped", Fixtures.dir()).app();
        assertThat(Apps.bodyOf(app, "/")).isEqualTo("THIS IS BASIC APP");
    }

    @Test
    void anExplicitNameBeatsTheFragment() throws Exception {
        App app = Deployment.ofUri("config:filters.ini#piped", Fixtures.dir()).app("filt");
        assertThat(Apps.bodyOf(app, "/")).isEqualTo("this is basic app");
    }

    @Test
    void aServiceUriLoadsAProviderWithTheGlobalsPassedIn() throws Exception {
        App app = Deployment.ofUri("service:echo", null).withGlobalConf(Map.of("debug", "true")).app();
        assertThat(Apps.json(Apps.bodyOf(app, "/"))).containsEntry("global_conf", Map.of("debug", "true"));
    }

    @Test
    void theContextOfAFilterIsWhatItsFactoryReceives() {
        Context context = Fixtures.deployment("filters.ini").context(Kind.FILTER, "filter2");
        assertThat(context.section()).isEqualTo("filter:filter2");
        assertThat(context.localConf().asMap()).containsExactly(Map.entry("method_to_call", "lower"));
    }

    @Test
    void serverSettingsOverrideTheServerSectionWithTheCallerAsOrigin() {
        Context context = Fixtures.deployment("serve.ini")
                .withServerSettings(Map.of("graceful_timeout", "9s", "processes", "4"))
                .context(Kind.SERVER, "main");
        assertThat(context.localConf().asMap()).containsExactly(Map.entry("host", "127.0.0.1"),
                Map.entry("port", "0"), Map.entry("graceful_timeout", "9s"), Map.entry("processes", "4"));
        assertThat(context.localConf().origin("graceful_timeout")).isEmpty();
        assertThat(context.localConf().origin("host")).isPresent();
    }

    @Test
    void anOverriddenBindReplacesTheSectionsHostAndPort() {
        Deployment deployment = Fixtures.deployment("serve.ini").withServerSettings(Map.of("bind", "127.0.0.1:0"));
        assertThat(deployment.context(Kind.SERVER, "other").localConf().asMap())
                .containsExactly(Map.entry("bind", "127.0.0.1:0"));
        assertThat(deployment.server("main").gracefulTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
    }

    @Test
    void serverSettingsLeaveOtherSectionsAlone() {
        Context context = Fixtures.deployment("serve.ini").withServerSettings(Map.of("body", "overridden"))
                .context(Kind.APP, "main");
        assertThat(context.localConf().get("body")).hasValue("served by nobody");
    }

    @Test
    void namesListTheSectionsOfAKind() {
        assertThat(Fixtures.deployment("filters.ini").names(Kind.FILTER)).containsExactly("filter1", "filter2");
    }

    @Test
    void theGuiceModuleBindsTheMainAppAndEveryNamedApp() throws Exception {
        Injector injector = Guice.createInjector(SpawningModule.of(Fixtures.file("filters.ini")));
        assertThat(Apps.bodyOf(injector.getInstance(App.class), "/")).isEqualTo("this is basic app");
        App piped = injector.getInstance(Key.get(App.class, Names.named("piped")));
        assertThat(Apps.bodyOf(piped, "/")).isEqualTo("THIS IS BASIC APP");
        assertThat(injector.getInstance(App.class)).isSameAs(injector.getInstance(App.class));
    }

    @Test
    void factoriesBuiltThroughTheModuleInjectTheApplicationsServices() throws Exception {
        Injector injector = Guice.createInjector(
                binder -> binder.bind(TestFactories.Greeting.class).toInstance(() -> "from the app"),
                SpawningModule.of(Fixtures.file("calls.ini")));
        App injected = injector.getInstance(Key.get(App.class, Names.named("injected")));
        assertThat(Apps.bodyOf(injected, "/")).isEqualTo("from the app");
    }
}
