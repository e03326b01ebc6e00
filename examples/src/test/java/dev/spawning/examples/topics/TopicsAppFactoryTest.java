package dev.spawning.examples.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.App;
import dev.spawning.factory.Factory;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Protocol;
import dev.spawning.factory.Settings;
import dev.spawning.factory.testing.ProviderDeclarations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicsAppFactoryTest {

    private final TopicsAppFactory factory = new TopicsAppFactory();

    @TempDir
    Path dir;

    @Test
    void serviceLoaderFindsItByTheNameTopicsAsAnAppProvider() throws Exception {
        List<Class<? extends Factory>> named = ServiceLoader.load(Factory.class).stream()
                .map(ServiceLoader.Provider::type)
                .filter(type -> type.getAnnotation(FactoryProvider.class).name().equals("topics"))
                .toList();

        assertThat(named).containsExactly(TopicsAppFactory.class);
        assertThat(Protocol.implementedBy(TopicsAppFactory.class)).containsExactly(Protocol.APP);
        assertThat(TopicsAppFactory.class.getAnnotation(FactoryProvider.class).description()).isNotBlank();
        ProviderDeclarations declared = ProviderDeclarations.of(TopicsAppFactory.class);
        assertThat(declared.provides()).isEqualTo(declared.servicesFile()).contains(TopicsAppFactory.class.getName());
    }

    @Test
    void resolvesARelativeDataDirAgainstHereAndCreatesIt() throws Exception {
        Settings global = Settings.of(Map.of("here", dir.toString()));
        Settings local = Settings.builder("app:topics").put("data_dir", "var/topics").build();

        App app = factory.create(global, local);
        try {
            assertThat(dir.resolve("var/topics")).isDirectory();
        } finally {
            ((TopicsApp) app).close();
        }
    }

    @Test
    void requiresDataDir() {
        assertThatThrownBy(() -> factory.create(Settings.empty(), Settings.builder("app:topics").build()))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[app:topics] is missing the setting 'data_dir'");
    }

    @Test
    void reportsEveryBadSettingAtOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        Settings local = Settings.builder("app:topics")
                .put("data_dir", file.toString())
                .put("retain", "0")
                .put("heartbeat", "0s")
                .put("poll_interval", "soon")
                .put("max_event_size", "0")
                .put("retian", "5")
                .build();

        assertThatThrownBy(() -> factory.create(Settings.empty(), local))
                .isInstanceOf(FactoryException.class)
                .satisfies(e -> assertThat(((FactoryException) e).messages()).containsExactly(
                        "[app:topics] retian is not a setting of the topics app (it has data_dir, retain, heartbeat,"
                                + " poll_interval, max_event_size)",
                        "[app:topics] data_dir = '" + file + "': expected a directory this process can create and"
                                + " write; java.nio.file.FileAlreadyExistsException: " + file,
                        "[app:topics] retain = '0': expected an integer from 1 to 10000000",
                        "[app:topics] heartbeat = '0s': expected a positive duration such as 500ms or 15s",
                        "[app:topics] poll_interval = 'soon': expected a duration such as 500ms, 30s or 5m",
                        "[app:topics] max_event_size = '0': expected a size from 1 byte to 2g, such as 64k"));
    }
}
