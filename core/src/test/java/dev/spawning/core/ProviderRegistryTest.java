package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.core.testing.Apps;
import dev.spawning.factory.App;
import dev.spawning.factory.AppFactory;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Protocol;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Providers are found by the name they give themselves, never by class name or classpath order. */
class ProviderRegistryTest {

    /** A second provider named text. */
    @FactoryProvider(name = "text", description = "Another text")
    public static final class SecondText implements AppFactory {
        public SecondText() {
        }

        @Override
        public App create(Settings global, Settings local) {
            return request -> Response.text(200, "second");
        }
    }

    /** A provider that forgot its name. */
    public static final class Nameless implements AppFactory {
        public Nameless() {
        }

        @Override
        public App create(Settings global, Settings local) {
            return request -> Response.text(200, "nameless");
        }
    }

    @TempDir
    Path services;

    private ClassLoader withServices(Class<?>... types) throws IOException {
        Path file = services.resolve("META-INF/services/dev.spawning.factory.Factory");
        Files.createDirectories(file.getParent());
        StringBuilder lines = new StringBuilder();
        for (Class<?> type : types) {
            lines.append(type.getName()).append('\n');
        }
        Files.writeString(file, lines);
        return new URLClassLoader(new java.net.URL[] {services.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void everyProviderOnTheClasspathIsListedWithItsProtocolsAndModule() {
        ProviderRegistry registry = ProviderRegistry.discover(getClass().getClassLoader());
        assertThat(registry.all()).extracting(ProviderRegistry.Provider::name)
                .contains("caps", "caps2", "cascade", "echo", "prefix", "text", "urlmap");
        assertThat(registry.all()).filteredOn(p -> p.name().equals("urlmap")).singleElement()
                .satisfies(p -> assertThat(p.protocols()).containsExactly(Protocol.COMPOSITE));
    }

    @Test
    void twoProvidersWithOneNameAreAnErrorNamingBothClasses() throws IOException {
        Deployment d = Deployment.ofUri("service:text", services).withClassLoader(withServices(SecondText.class));
        assertThatThrownBy(d::app).hasMessageStartingWith("Two providers are named 'text': ")
                .hasMessageContaining("dev.spawning.examples.TextAppFactory (")
                .hasMessageContaining("dev.spawning.core.ProviderRegistryTest$SecondText (")
                .hasMessageEndingWith(". Remove one of them from the classpath.");
    }

    @Test
    void aListedClassWithoutAName() throws IOException {
        ProviderRegistry registry = ProviderRegistry.discover(withServices(Nameless.class));
        assertThat(registry.broken()).containsExactly("dev.spawning.core.ProviderRegistryTest$Nameless is listed "
                + "as a provider but has no @FactoryProvider(name = ...)");
    }

    @Test
    void aProviderListedOnlyByAnAddedClassLoaderIsFoundThroughIt() throws Exception {
        Deployment d = Deployment.ofUri("service:second", services);
        assertThatThrownBy(d::app).hasMessageStartingWith("Unknown app provider 'second'.");
        App app = d.withClassLoader(withServices(Second.class)).app();
        assertThat(Apps.bodyOf(app, "/")).isEqualTo("second");
    }

    /** A provider listed by no services file on the test class path. */
    @FactoryProvider(name = "second", description = "Only through an added class loader")
    public static final class Second implements AppFactory {
        public Second() {
        }

        @Override
        public App create(Settings global, Settings local) {
            return request -> Response.text(200, "second");
        }
    }
}
