package dev.spawning.core;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import com.google.inject.name.Names;
import dev.spawning.factory.App;
import dev.spawning.factory.Server;
import java.nio.file.Path;
import java.util.List;

/**
 * Exposes a deployment's apps and servers to an application that uses Guice. Binds
 * {@link Deployment}; {@code App} and {@code Server} for the sections named {@code main}; and
 * {@code @Named("NAME") App} / {@code @Named("NAME") Server} for every app and server section.
 * Each is built once, when first injected, by factories created through the application's own
 * injector, so a factory may {@code @Inject} the application's services.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new MyServices(),
 *         SpawningModule.of(Deployment.of(Path.of("deployment.ini"))));
 * Server server = injector.getInstance(Server.class);
 * server.start(injector.getInstance(App.class));
 * }</pre>
 */
public final class SpawningModule extends AbstractModule {

    private final Deployment deployment;

    private SpawningModule(Deployment deployment) {
        this.deployment = deployment;
    }

    /**
     * The module for {@code deployment}. Its section names are read when Guice configures the module
     * (so a file that cannot be read fails the injector's creation, with a {@link DeploymentException}
     * as the cause); the apps and servers are built when first injected.
     *
     * @param deployment the deployment whose sections to bind
     * @return the module, for {@code Guice.createInjector}
     */
    public static SpawningModule of(Deployment deployment) {
        return new SpawningModule(deployment);
    }

    /**
     * The module for the deployment file at {@code file}: {@code of(Deployment.of(file))}.
     *
     * @param file the deployment file, INI or YAML
     * @return the module, for {@code Guice.createInjector}
     */
    public static SpawningModule of(Path file) {
        return of(Deployment.of(file));
    }

    /** Binds the deployment and each app and server section, as the class comment says. */
    @Override
    protected void configure() {
        Provider<Injector> injector = getProvider(Injector.class);
        Provider<Deployment> bound = () -> deployment.withInjector(injector.get());
        bind(Deployment.class).toProvider(bound).in(Singleton.class);
        List<String> apps = deployment.names(Kind.APP).stream().distinct().toList();
        List<String> servers = deployment.names(Kind.SERVER).stream().distinct().toList();
        for (String name : apps) {
            bind(App.class).annotatedWith(Names.named(name)).toProvider(() -> bound.get().app(name)).in(Singleton.class);
        }
        for (String name : servers) {
            bind(Server.class).annotatedWith(Names.named(name)).toProvider(() -> bound.get().server(name))
                    .in(Singleton.class);
        }
        if (apps.contains("main")) {
            bind(App.class).to(com.google.inject.Key.get(App.class, Names.named("main")));
        }
        if (servers.contains("main")) {
            bind(Server.class).to(com.google.inject.Key.get(Server.class, Names.named("main")));
        }
    }
}
