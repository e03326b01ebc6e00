package dev.spawning.contract;

import dev.spawning.factory.Factory;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.ServerFactory;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The server providers the contract suite runs against. They are found the way a deployment finds
 * them, through {@code ServiceLoader<Factory>} and their {@link FactoryProvider} names, so that a
 * provider missing its services entry fails the suite instead of being skipped. The system property
 * {@value #PROPERTY} (a comma-separated list of names) narrows the run, for a provider still being
 * written; a name that is not found is an error, so that a typo cannot run nothing.
 */
final class ContractProviders {

    static final String PROPERTY = "spawning.contract.providers";

    private ContractProviders() {
    }

    /** Every server provider on the class path, sorted by name. */
    static List<ContractProvider> found() {
        return ServiceLoader.load(Factory.class).stream()
                .filter(p -> ServerFactory.class.isAssignableFrom(p.type()))
                .map(ContractProviders::named)
                .sorted(Comparator.comparing(ContractProvider::name))
                .toList();
    }

    /** The providers to run: those named by {@value #PROPERTY}, or every one found. */
    static List<ContractProvider> selected() {
        return select(System.getProperty(PROPERTY, ""), found());
    }

    static List<ContractProvider> select(String names, List<ContractProvider> found) {
        if (names.isBlank()) {
            return found;
        }
        return Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty())
                .map(name -> found.stream().filter(p -> p.name().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("-D" + PROPERTY + " names '" + name
                                + "', which is not a server provider; found: " + names(found))))
                .toList();
    }

    private static String names(List<ContractProvider> providers) {
        return String.join(", ", providers.stream().map(ContractProvider::name).toList());
    }

    private static ContractProvider named(ServiceLoader.Provider<Factory> provider) {
        FactoryProvider annotation = provider.type().getAnnotation(FactoryProvider.class);
        if (annotation == null) {
            throw new IllegalStateException(provider.type().getName() + " has no @FactoryProvider name");
        }
        return new ContractProvider(annotation.name(), provider);
    }
}
