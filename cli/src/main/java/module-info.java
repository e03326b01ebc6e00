/**
 * The {@code spawn} program: its commands and options, on picocli, using only the public API of
 * {@code dev.spawning.core} and {@code dev.spawning.controller}. Run as {@code dev.spawning.cli.Spawn}; exports nothing.
 */
module dev.spawning.cli {
    requires dev.spawning.core;
    requires dev.spawning.controller;
    requires info.picocli;
    requires tools.jackson.core;

    // The command classes are package-private; picocli reads their options reflectively.
    opens dev.spawning.cli to info.picocli;
}
