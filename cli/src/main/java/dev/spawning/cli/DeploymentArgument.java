package dev.spawning.cli;

import java.nio.file.Path;

/** A deployment file argument of {@code spawn}, with an optional {@code #name}: {@code app.ini#api}. */
record DeploymentArgument(Path file, String name) {

    static DeploymentArgument parse(String argument) {
        int hash = argument.lastIndexOf('#');
        if (hash < 0) {
            return new DeploymentArgument(Path.of(argument), null);
        }
        String name = argument.substring(hash + 1);
        return new DeploymentArgument(Path.of(argument.substring(0, hash)), name.isEmpty() ? null : name);
    }

    /** The name, or {@code fallback} when the argument has none. */
    String nameOr(String fallback) {
        return name != null ? name : fallback;
    }
}
