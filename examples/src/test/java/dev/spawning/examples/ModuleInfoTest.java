package dev.spawning.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Factory;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Protocol;
import dev.spawning.factory.testing.ProviderDeclarations;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module's provider declarations: module-info.java and the services file agree and work. */
class ModuleInfoTest {

    @Test
    void serviceLoaderFindsEachProviderByItsNameWithItsProtocol() {
        Map<String, Factory> byName = ServiceLoader.load(Factory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(factory -> factory.getClass().getPackage() == TextAppFactory.class.getPackage())
                .collect(Collectors.toMap(ModuleInfoTest::name, Function.identity()));

        assertThat(byName).containsOnlyKeys("text", "echo", "caps", "caps2");
        assertThat(byName.get("text")).isInstanceOf(TextAppFactory.class);
        assertThat(byName.get("echo")).isInstanceOf(EchoAppFactory.class);
        assertThat(byName.get("caps")).isInstanceOf(CapsFilterFactory.class);
        assertThat(byName.get("caps2")).isInstanceOf(Caps2FilterAppFactory.class);
        assertThat(Protocol.implementedBy(byName.get("text").getClass())).containsExactly(Protocol.APP);
        assertThat(Protocol.implementedBy(byName.get("echo").getClass())).containsExactly(Protocol.APP);
        assertThat(Protocol.implementedBy(byName.get("caps").getClass())).containsExactly(Protocol.FILTER);
        assertThat(Protocol.implementedBy(byName.get("caps2").getClass())).containsExactly(Protocol.FILTER_APP);
    }

    @Test
    void everyProviderHasADescription() {
        for (Class<?> type : List.of(TextAppFactory.class, EchoAppFactory.class,
                CapsFilterFactory.class, Caps2FilterAppFactory.class)) {
            assertThat(type.getAnnotation(FactoryProvider.class).description()).as(type.getName()).isNotBlank();
        }
    }

    @Test
    void moduleInfoProvidesExactlyTheClassesListedInTheServicesFile() throws Exception {
        ProviderDeclarations declared = ProviderDeclarations.of(TextAppFactory.class);
        assertThat(declared.module()).isEqualTo("dev.spawning.examples");
        assertThat(declared.provides()).isEqualTo(declared.servicesFile()).hasSize(7);
    }

    private static String name(Factory factory) {
        return factory.getClass().getAnnotation(FactoryProvider.class).name();
    }
}
