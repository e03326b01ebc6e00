package dev.spawning.contract;

import dev.spawning.factory.Factory;
import dev.spawning.factory.ServerFactory;
import java.util.ServiceLoader;

/**
 * One server provider under test: the name a deployment file selects it by, and how to build its
 * factory. Kept as a ServiceLoader provider rather than an instance so that listing the providers
 * never constructs one.
 */
record ContractProvider(String name, ServiceLoader.Provider<Factory> provider) {

    /** A fresh factory, as a deployment would get it. */
    ServerFactory factory() {
        // ContractProviders admits only providers whose type is a ServerFactory.
        return (ServerFactory) provider.get();
    }

    @Override
    public String toString() {
        return name;
    }
}
