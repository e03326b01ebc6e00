package dev.spawning.cli;

import dev.spawning.core.Deployment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A subcommand of {@code spawn}: the common options and the streams it writes to. */
abstract class SpawnCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    /** The deployment in {@code file}, with NAME=VALUE globals and the --classpath class loader. */
    Deployment deployment(Path file, List<String> globals) {
        return Deployment.of(file)
                .withGlobalConf(CommonOptions.globals(globals))
                .withClassLoader(options.classLoader());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
