package dev.spawning.core;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code spawn check FILE}: loads every section without serving; prints every error and warning
 * (to standard error when there are errors, then exit status 2; else to standard output).
 */
@Command(name = "check", description = "Load every section without serving; print every error and warning.")
final class CheckCommand extends SpawnCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The deployment file (INI or YAML).")
    Path file;

    @Parameters(index = "1..*", paramLabel = "NAME=VALUE", description = "Globals passed to every section.")
    List<String> globals = new ArrayList<>();

    @Override
    public Integer call() {
        List<Problem> problems = deployment(file, globals)
                .check();
        long errors = problems.stream().filter(Problem::isError).count();
        PrintWriter report = errors > 0 ? err() : out();
        problems.forEach(problem -> report.println(problem.message()));
        report.println(errors + " error(s), " + (problems.size() - errors) + " warning(s) in "
                + file.toAbsolutePath().normalize());
        return errors > 0 ? Spawn.ERROR : 0;
    }
}
