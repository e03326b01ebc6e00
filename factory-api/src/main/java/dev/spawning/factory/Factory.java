package dev.spawning.factory;

/**
 * The six factory protocols of Paste Deploy, and the service type under which providers are listed
 * for {@link java.util.ServiceLoader}. A provider implements one protocol, carries
 * {@link FactoryProvider}, and is declared in its module with
 * {@code provides dev.spawning.factory.Factory with ...} and in
 * {@code META-INF/services/dev.spawning.factory.Factory}. Instances are created through Guice, so
 * a factory may {@code @Inject} shared services.
 */
public sealed interface Factory
        permits AppFactory, CompositeFactory, FilterFactory, FilterAppFactory, ServerFactory, ServerRunner {
}
