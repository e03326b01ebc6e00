package dev.spawning.core;

import java.util.List;

/**
 * What a class path offers a deployment file: the providers found through
 * {@link java.util.ServiceLoader} under {@link dev.spawning.factory.Factory}, as {@code spawn factories}
 * lists them, and the listed classes that cannot be used.
 *
 * @param found    every usable provider, sorted by name
 * @param unusable each listed class that cannot be used (not loadable, or without
 *                 {@code @FactoryProvider}), with the reason, in the order found
 */
public record Providers(List<ProviderInfo> found, List<String> unusable) {

    /** Copies both lists. */
    public Providers {
        found = List.copyOf(found);
        unusable = List.copyOf(unusable);
    }

    /**
     * The providers {@code classLoader} finds, as a load through that class loader would see them.
     *
     * @param classLoader where to look, through {@link java.util.ServiceLoader}
     * @return what was found
     */
    public static Providers discover(ClassLoader classLoader) {
        ProviderRegistry registry = ProviderRegistry.discover(classLoader);
        return new Providers(registry.all().stream()
                .map(p -> new ProviderInfo(p.name(), p.protocols(), p.module(), p.description()))
                .toList(), registry.broken());
    }
}
