package dev.spawning.undertow;

import dev.spawning.factory.testing.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.Factory;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Protocol;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.Settings;
import dev.spawning.factory.server.ServerSettings;
import dev.spawning.factory.testing.ProviderDeclarations;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UndertowServerFactoryTest {

    @RegisterExtension
    final Servers servers = new Servers();

    @Test
    void serviceLoaderFindsTheProviderByTheNameInItsAnnotation() {
        List<Factory> undertow = ServiceLoader.load(Factory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(factory -> factory.getClass().getAnnotation(FactoryProvider.class).name().equals("undertow"))
                .toList();

        assertThat(undertow).singleElement().isInstanceOf(UndertowServerFactory.class);
        assertThat(Protocol.implementedBy(UndertowServerFactory.class)).containsExactly(Protocol.SERVER);
        assertThat(UndertowServerFactory.class.getAnnotation(FactoryProvider.class).description())
                .isEqualTo("HTTP/1.1 on Undertow core; apps run on virtual threads");
    }

    @Test
    void moduleInfoProvidesExactlyTheClassListedInTheServicesFile() throws Exception {
        ProviderDeclarations declared = ProviderDeclarations.of(UndertowServerFactory.class);
        assertThat(declared.module()).isEqualTo("dev.spawning.undertow");
        assertThat(declared.provides()).isEqualTo(declared.servicesFile())
                .containsExactly(UndertowServerFactory.class.getName());
    }

    @Test
    void declaresThatItServesSocketsBoundElsewhere() {
        assertThat(new UndertowServerFactory().servesHandedSockets()).isTrue();
    }

    @Test
    void rejectsAnAccessLogFormatWithAnUnknownAtom() {
        Settings local = Settings.builder("server:main").put("access_log_format", "%(h)s %(zz)s").build();

        assertThatThrownBy(() -> new UndertowServerFactory().create(Settings.empty(), local))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[server:main] access_log_format = '%(h)s %(zz)s': expected json, or a format of %(name)s atoms; "
                        + "unknown atom %(zz)s (known: h l u t r m U q H s B b f a T M D L p {header}i {header}o)");
    }

    @Test
    void buildsAnEmbeddedServerFromServerSettingsAlone() throws Exception {
        Server server = UndertowServerFactory.server(ServerSettings.from(Settings.of(Map.of("port", "0"))));
        servers.start(server, request -> Response.text(200, "embedded"));

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().text()).isEqualTo("embedded");
        }
    }
}
