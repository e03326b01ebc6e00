/**
 * The deployment loader (INI and YAML, Paste Deploy semantics), provider discovery, Guice wiring,
 * the built-in composites and filters, and the {@code spawn} command.
 */
module dev.spawning.core {
    requires transitive dev.spawning.factory;
    requires transitive com.google.guice;
    requires org.apache.commons.configuration2;
    requires org.yaml.snakeyaml;
    requires tools.jackson.core;

    exports dev.spawning.core;

    uses dev.spawning.factory.Factory;
}
