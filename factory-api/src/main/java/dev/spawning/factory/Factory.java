package dev.spawning.factory;

/**
 * The six factory protocols of Paste Deploy, and the service type under which providers are listed
 * for {@link java.util.ServiceLoader}. A provider implements one protocol, carries
 * {@link FactoryProvider}, and is declared in its module with
 * {@code provides dev.spawning.factory.Factory with ...} and in
 * {@code META-INF/services/dev.spawning.factory.Factory}. Instances are created through Guice, so
 * a factory may {@code @Inject} shared services.
 *
 * <p>Every protocol receives two {@link Settings}: the <em>global conf</em>, which holds
 * {@code here} and {@code __file__}, the {@code [DEFAULT]} section and the globals set on the way
 * to the section ({@code set NAME = value} in a section that uses it, {@code NAME=VALUE} arguments
 * of {@code spawn}); and the <em>local conf</em>, the keys of the section itself, less those the
 * loader reads ({@code use}, {@code filter-with}, {@code set ...}, {@code get ...}) and those that
 * have the name of a default. A factory is called on the loading thread, each time its section is
 * loaded; what it builds may then serve many threads at once.
 */
public sealed interface Factory
        permits AppFactory, CompositeFactory, FilterFactory, FilterAppFactory, ServerFactory, ServerRunner {
}
