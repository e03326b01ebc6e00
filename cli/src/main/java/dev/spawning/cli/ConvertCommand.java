package dev.spawning.cli;

import dev.spawning.core.FileFormat;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spawn convert FILE --to ini|yaml}: the file in the other form, with the same meaning. */
@Command(name = "convert", description = "Print a deployment file as INI or as YAML, with the same meaning.")
final class ConvertCommand extends SpawnCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The deployment file (INI or YAML).")
    Path file;

    @Option(names = "--to", required = true, paramLabel = "ini|yaml", description = "The form to print.")
    String to;

    @Override
    public Integer call() {
        FileFormat format;
        try {
            format = FileFormat.ofWord(to);
        } catch (IllegalArgumentException e) {
            throw new CommandException("--to must be ini or yaml, not '" + to + "'");
        }
        out().print(format.convert(file));
        return 0;
    }
}
