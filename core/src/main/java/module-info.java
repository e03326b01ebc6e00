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
    requires info.picocli;

    exports dev.spawning.core;
    // The command classes of spawn are package-private; picocli reads their options reflectively.
    opens dev.spawning.core to info.picocli;
    // The built-in providers are created through Guice, like every factory.
    opens dev.spawning.core.builtin to com.google.guice;

    uses dev.spawning.factory.Factory;

    provides dev.spawning.factory.Factory with
            dev.spawning.core.builtin.UrlMapFactory,
            dev.spawning.core.builtin.CascadeFactory,
            dev.spawning.core.builtin.PrefixFilterFactory;
}
