package dev.spawning.core.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Factory;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Protocol;
import dev.spawning.factory.testing.ProviderDeclarations;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in providers are found through ServiceLoader by name, and declared the same way twice. */
class BuiltinProvidersTest {

    @ParameterizedTest(name = "service:{0}")
    @CsvSource(textBlock = """
            urlmap,  dev.spawning.core.builtin.UrlMapFactory,       COMPOSITE
            cascade, dev.spawning.core.builtin.CascadeFactory,      COMPOSITE
            prefix,  dev.spawning.core.builtin.PrefixFilterFactory, FILTER_APP
            forwarded, dev.spawning.core.builtin.ForwardedFilterFactory, FILTER
            static,  dev.spawning.core.builtin.StaticAppFactory,    APP
            health,  dev.spawning.core.builtin.HealthAppFactory,    APP
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
        ProviderDeclarations declared = ProviderDeclarations.of(UrlMapFactory.class);
        assertThat(declared.module()).isEqualTo("dev.spawning.core");
        assertThat(declared.provides()).isNotEmpty().isEqualTo(declared.servicesFile());
    }

    @Test
    void givesEveryBuiltinProviderAPublicNoArgumentConstructor() throws Exception {
        for (Class<?> type : List.of(UrlMapFactory.class, CascadeFactory.class, PrefixFilterFactory.class,
                ForwardedFilterFactory.class, StaticAppFactory.class, HealthAppFactory.class)) {
            assertThat(type.getConstructor().canAccess(null)).as(type.getName()).isTrue();
        }
    }
}
