package dev.spawning.examples.actors;

import static dev.spawning.examples.actors.Exchanges.send;
import static dev.spawning.examples.actors.Exchanges.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.App;
import dev.spawning.factory.Factory;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Protocol;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActorsAppFactoryTest {

    @TempDir
    Path dataDir;

    private Settings.Builder section() {
        return Settings.builder("app:actors").put("data_dir", dataDir.toString());
    }

    @Test
    void serviceLoaderFindsItAsTheAppProviderNamedActors() {
        Factory found = ServiceLoader.load(Factory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(factory -> factory.getClass().getAnnotation(FactoryProvider.class).name().equals("actors"))
                .findFirst().orElseThrow();

        assertThat(found).isInstanceOf(ActorsAppFactory.class);
        assertThat(Protocol.implementedBy(found.getClass())).containsExactly(Protocol.APP);
        assertThat(ActorsAppFactory.class.getAnnotation(FactoryProvider.class).description()).isNotBlank();
    }

    @Test
    void typesLimitsWhatAPutMayCreate() throws Exception {
        App app = new ActorsAppFactory().create(Settings.empty(), section().put("types", "chatroom").build());

        assertThat(text(send(app, "PUT", "/c1", "{\"type\": \"counter\", \"state\": {\"count\": 0}}"))).isEqualTo(
                "{\"error\":\"unknown actor type \\\"counter\\\"; this app has: chatroom\",\"path\":\"$.type\"}");
        ((ActorsApp) app).close();
    }

    @Test
    void historyBoundsAChatroom() throws Exception {
        App app = new ActorsAppFactory().create(Settings.empty(), section().put("history", "1").build());
        send(app, "PUT", "/r", "{\"type\": \"chatroom\", \"state\": {\"history\": []}}");

        Response response = send(app, "PUT", "/r", "{\"type\": \"chatroom\", \"state\": {\"history\": ["
                + "{\"say\":\"a\",\"from\":\"x\"},{\"say\":\"b\",\"from\":\"x\"}]}}");

        assertThat(response.status()).isEqualTo(422);
        ((ActorsApp) app).close();
    }

    @Test
    void dataDirIsRequired() {
        assertThatThrownBy(() -> new ActorsAppFactory().create(Settings.empty(), Settings.builder("app:actors").build()))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[app:actors] is missing the setting 'data_dir'");
    }

    @Test
    void anUnknownTypeOrABadNumberIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> new ActorsAppFactory().create(Settings.empty(), section().put("types", "counter dog").build()))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[app:actors] types = 'counter dog': expected actor types among counter, chatroom");
        assertThatThrownBy(() -> new ActorsAppFactory().create(Settings.empty(), section().put("mailbox", "0").build()))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[app:actors] mailbox = '0': expected an integer from 1 to 1000000");
    }

    @Test
    void anActorOfATypeNoLongerEnabledStopsTheStartWithTheFix() throws Exception {
        Files.writeString(dataDir.resolve("c1.snapshot"),
                "{\"type\":\"counter\",\"version\":1,\"applied\":0,\"state\":{\"count\":0}}");

        assertThatThrownBy(() -> new ActorsAppFactory().create(Settings.empty(), section().put("types", "chatroom").build()))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[app:actors] cannot restore the actors kept in " + dataDir + ": Actor 'c1' is a counter,"
                        + " a type this app does not enable (types = chatroom); add it to types, or delete the actor's files");
    }
}
