package dev.spawning.core;

import com.google.inject.ConfigurationException;
import com.google.inject.ProvisionException;
import dev.spawning.factory.Factory;
import dev.spawning.factory.Protocol;

/** A factory class, created through Guice so that it may {@code @Inject} shared services. */
record ClassSource(Class<? extends Factory> type, Protocol protocol, String spec, String name, Ref ref)
        implements FactorySource {

    @Override
    public Factory instantiate(Session session) {
        try {
            return session.injector().getInstance(type);
        } catch (ConfigurationException e) {
            throw ref.optionError("cannot create " + type.getName() + " through Guice: "
                    + e.getErrorMessages().iterator().next().getMessage()
                    + " (Bind what a factory needs in the injector given to Deployment.withInjector or"
                    + " SpawningModule; a factory that needs nothing has a public no-argument constructor.)");
        } catch (ProvisionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DeploymentException(ref.optionProblem("the constructor of " + type.getName()
                    + " failed: " + cause), cause);
        }
    }

    @Override
    public String summary() {
        return (name != null ? name : type.getName()) + " (" + protocol.displayName() + ")";
    }
}
