package dev.spawning.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code spawn check FILE}: loads every section without serving; prints every error and warning. */
@Command(name = "check", description = "Load every section without serving; print every error and warning.")
final class CheckCommand extends SpawnCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The deployment file (INI or YAML).")
    Path file;

    @Parameters(index = "1..*", paramLabel = "NAME=VALUE", description = "Globals passed to every section.")
    List<String> globals = new ArrayList<>();

    @Override
    public Integer call() {
        List<Problem> problems = Deployment.of(file)
                .withGlobalConf(CommonOptions.globals(globals))
                .withClassLoader(options.classLoader())
                .check();
        long errors = problems.stream().filter(Problem::isError).count();
        problems.forEach(problem -> (problem.isError() ? err() : out()).println(problem.message()));
        String summary = errors + " error(s), " + (problems.size() - errors) + " warning(s) in "
                + file.toAbsolutePath().normalize();
        (errors > 0 ? err() : out()).println(summary);
        return errors > 0 ? Spawn.ERROR : 0;
    }
}
