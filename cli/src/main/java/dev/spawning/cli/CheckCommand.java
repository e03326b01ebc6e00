package dev.spawning.cli;

import dev.spawning.core.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spawn check FILE}: loads every section without serving; prints every error and warning
 * (to standard error when there are errors, then exit status 2; else to standard output). With
 * {@code --format json}, prints them to standard output as one JSON array, each problem an object
 * with its severity, file, line, section, key ({@code null} or 0 where unknown) and message (what
 * is wrong, without the place the other members give), for editors and CI; the exit status is the
 * same.
 */
@Command(name = "check", description = "Load every section without serving; print every error and warning.")
final class CheckCommand extends SpawnCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The deployment file (INI or YAML).")
    Path file;

    @Parameters(index = "1..*", paramLabel = "NAME=VALUE", description = "Globals passed to every section.")
    List<String> globals = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (the default) or json: one array of {severity, file, line, section, key, message}.")
    String format;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new CommandException("--format must be text or json, not '" + format + "'");
        }
        List<Problem> problems = deployment(file, globals)
                .check();
        long errors = problems.stream().filter(Problem::isError).count();
        if (format.equals("json")) {
            out().println(json(problems));
            return errors > 0 ? Spawn.ERROR : 0;
        }
        PrintWriter report = errors > 0 ? err() : out();
        problems.forEach(problem -> report.println(problem.text()));
        report.println(errors + " error(s), " + (problems.size() - errors) + " warning(s) in "
                + file.toAbsolutePath().normalize());
        return errors > 0 ? Spawn.ERROR : 0;
    }

    /** The problems as a JSON array, an object each, in the order found. */
    static String json(List<Problem> problems) {
        List<String> objects = new ArrayList<>();
        for (Problem problem : problems) {
            objects.add("{\"severity\": " + ConfigCommand.quote(problem.severity().name().toLowerCase(Locale.ROOT))
                    + ", \"file\": " + quoteOrNull(problem.file())
                    + ", \"line\": " + problem.line()
                    + ", \"section\": " + quoteOrNull(problem.section())
                    + ", \"key\": " + quoteOrNull(problem.key())
                    + ", \"message\": " + ConfigCommand.quote(problem.message()) + "}");
        }
        return "[" + String.join(",\n ", objects) + "]";
    }

    private static String quoteOrNull(String text) {
        return text == null ? "null" : ConfigCommand.quote(text);
    }
}
