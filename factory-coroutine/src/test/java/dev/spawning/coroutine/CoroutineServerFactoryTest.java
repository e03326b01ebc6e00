package dev.spawning.coroutine;

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
import dev.spawning.factory.testing.RawHttp;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CoroutineServerFactoryTest {

    @Test
    void serviceLoaderFindsTheProviderByTheNameInItsAnnotation() {
        List<Factory> coroutine = ServiceLoader.load(Factory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(factory -> factory.getClass().getAnnotation(FactoryProvider.class).name().equals("coroutine"))
                .toList();

        assertThat(coroutine).singleElement().isInstanceOf(CoroutineServerFactory.class);
        assertThat(Protocol.implementedBy(CoroutineServerFactory.class)).containsExactly(Protocol.SERVER);
    }

    @Test
    void moduleInfoProvidesExactlyTheClassListedInTheServicesFile() throws Exception {
        ProviderDeclarations declared = ProviderDeclarations.of(CoroutineServerFactory.class);
        assertThat(declared.module()).isEqualTo("dev.spawning.coroutine");
        assertThat(declared.provides()).isEqualTo(declared.servicesFile())
                .containsExactly(CoroutineServerFactory.class.getName());
    }

    @Test
    void rejectsABadAccessLogFormatNamingSectionKeyAndValue() {
        Settings local = Settings.builder("server:main").put("access_log_format", "%(nope)s").build();

        assertThatThrownBy(() -> new CoroutineServerFactory().create(Settings.empty(), local))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[server:main] access_log_format = '%(nope)s': expected json, or a format of %(name)s atoms; "
                        + "unknown atom %(nope)s (known: h l u t r m U q H s B b f a T M D L p {header}i {header}o)");
    }

    @Test
    void saysItServesHandedAndInheritedSocketsSoTheLoaderAcceptsBindFdZero() {
        assertThat(new CoroutineServerFactory().servesHandedSockets()).isTrue();
    }

    @Test
    void servesFromAListeningChannelBoundElsewhereAndClosesItOnStop() throws Exception {
        ServerSocketChannel listening = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        Server server = CoroutineServerFactory.server(ServerSettings.DEFAULTS, listening);
        server.start(request -> Response.text(200, "handed"));
        try (RawHttp http = RawHttp.connect(server)) {
            assertThat(server.addresses()).containsExactly((InetSocketAddress) listening.getLocalAddress());
            RawHttp.Reply reply = http.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").read();
            assertThat(reply.code()).isEqualTo(200);
            assertThat(reply.text()).isEqualTo("handed");
        } finally {
            server.stop(Duration.ofSeconds(1));
        }
        assertThat(listening.isOpen()).isFalse();
    }
}
