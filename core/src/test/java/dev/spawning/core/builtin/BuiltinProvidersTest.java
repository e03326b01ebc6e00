package dev.spawning.core.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Factory;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Protocol;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in providers are found through ServiceLoader by name, and declared the same way twice. */
class BuiltinProvidersTest {

    private static final String SERVICES = "META-INF/services/" + Factory.class.getName();

    /** Core's compiled classes: where its module-info.class and its copied services file are. */
    private static Path classes() throws URISyntaxException {
        return Path.of(UrlMapFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @ParameterizedTest(name = "service:{0}")
    @CsvSource(textBlock = """
            urlmap,  dev.spawning.core.builtin.UrlMapFactory,       COMPOSITE
            cascade, dev.spawning.core.builtin.CascadeFactory,      COMPOSITE
            prefix,  dev.spawning.core.builtin.PrefixFilterFactory, FILTER_APP
            """)
    void findsEachProviderByItsNameWithItsProtocol(String name, String className, Protocol protocol) {
        List<Class<? extends Factory>> named = ServiceLoader.load(Factory.class).stream()
                .map(ServiceLoader.Provider::type)
                .filter(type -> type.isAnnotationPresent(FactoryProvider.class))
                .filter(type -> type.getAnnotation(FactoryProvider.class).name().equals(name))
                .toList();
        assertThat(named).extracting(Class::getName).containsExactly(className);
        assertThat(Protocol.implementedBy(named.getFirst())).containsExactly(protocol);
        assertThat(named.getFirst().getAnnotation(FactoryProvider.class).description()).isNotBlank();
    }

    @Test
    void declaresTheSameProvidersInModuleInfoAndInTheServicesFile() throws Exception {
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes().resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        List<String> provided = descriptor.provides().stream()
                .filter(provides -> provides.service().equals(Factory.class.getName()))
                .flatMap(provides -> provides.providers().stream())
                .toList();
        List<String> listed = Files.readAllLines(classes().resolve(SERVICES)).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(provided).isNotEmpty().isEqualTo(listed);
        assertThat(descriptor.provides()).hasSize(1);
    }

    @Test
    void givesEveryBuiltinProviderAPublicNoArgumentConstructor() throws Exception {
        for (Class<?> type : List.of(UrlMapFactory.class, CascadeFactory.class, PrefixFilterFactory.class)) {
            assertThat(type.getConstructor().canAccess(null)).as(type.getName()).isTrue();
        }
    }
}
