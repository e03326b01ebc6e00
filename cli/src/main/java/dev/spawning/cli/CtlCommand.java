package dev.spawning.cli;

import dev.spawning.controller.ControlClient;
import dev.spawning.controller.ControllerException;
import dev.spawning.controller.ControllerSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spawn ctl status|reload|stop|workers N [FILE] [--control PATH]}: sends one command to a
 * running controller over its control socket and prints the answer ({@code status} as JSON). The
 * socket is {@code --control}, or the {@code control} setting of FILE's server section.
 */
@Command(name = "ctl", description = "Talk to a running controller: status, reload, stop, workers N.")
final class CtlCommand extends SpawnCommand {

    private static final List<String> COMMANDS = List.of("status", "reload", "stop", "workers");

    @Parameters(index = "0", paramLabel = "COMMAND", description = "status, reload, stop or workers")
    String command;

    @Parameters(index = "1..*", paramLabel = "N|FILE",
            description = "The number of workers (for workers), and the deployment file whose controller to ask.")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--control", paramLabel = "PATH", description = "The control socket (default: from FILE).")
    Path control;

    @Option(names = "--server-name", paramLabel = "NAME", description = "The server section of FILE (default: main).")
    String serverName;

    @Override
    public Integer call() {
        if (!COMMANDS.contains(command)) {
            throw new CommandException("Unknown ctl command '" + command + "': expected one of " + COMMANDS);
        }
        List<String> rest = new ArrayList<>(arguments);
        String line = command;
        if (command.equals("workers")) {
            if (rest.isEmpty() || !rest.getFirst().matches("\\d+")) {
                throw new CommandException("spawn ctl workers: expected a number of workers, such as 'workers 4'");
            }
            line = "workers " + rest.removeFirst();
        }
        try {
            out().println(ControlClient.send(socket(rest), line));
        } catch (ControllerException e) {
            throw new CommandException(e.getMessage(), e);
        }
        return 0;
    }

    private Path socket(List<String> rest) {
        if (control != null) {
            return control;
        }
        if (rest.size() != 1) {
            throw new CommandException("spawn ctl " + command + ": give the deployment file or --control PATH");
        }
        DeploymentArgument file = DeploymentArgument.parse(rest.getFirst());
        return ControllerSettings.of(deployment(file.file(), List.of()), serverName != null ? serverName : "main")
                .control();
    }
}
