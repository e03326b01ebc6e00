/**
 * The deployment loader as a library (INI and YAML, Paste Deploy semantics), provider discovery,
 * Guice wiring, and the built-in composites and filters. The {@code spawn} program is module
 * {@code dev.spawning.cli}.
 */
module dev.spawning.core {
    requires transitive dev.spawning.factory;
    requires transitive com.google.guice;
    requires org.apache.commons.configuration2;
    requires org.yaml.snakeyaml;

    exports dev.spawning.core;
    // The built-in providers are created through Guice, like every factory.
    opens dev.spawning.core.builtin to com.google.guice;

    uses dev.spawning.factory.Factory;

    provides dev.spawning.factory.Factory with
            dev.spawning.core.builtin.UrlMapFactory,
            dev.spawning.core.builtin.CascadeFactory,
            dev.spawning.core.builtin.PrefixFilterFactory,
            dev.spawning.core.builtin.ForwardedFilterFactory,
            dev.spawning.core.builtin.StaticAppFactory,
            dev.spawning.core.builtin.HealthAppFactory;
}
