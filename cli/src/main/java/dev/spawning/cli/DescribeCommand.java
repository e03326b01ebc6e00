package dev.spawning.cli;

import dev.spawning.core.Deployment;
import dev.spawning.core.Kind;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code spawn describe FILE[#NAME]}: the composed tree of the app, and of the main server if there is one. */
@Command(name = "describe", description = "Print the tree an app is composed of, and the server's provider.")
final class DescribeCommand extends SpawnCommand {

    @Parameters(index = "0", paramLabel = "FILE[#NAME]", description = "The deployment file and app name.")
    String file;

    @Parameters(index = "1..*", paramLabel = "NAME=VALUE", description = "Globals passed to every section.")
    List<String> globals = new ArrayList<>();

    @Override
    public Integer call() {
        DeploymentArgument argument = DeploymentArgument.parse(file);
        Deployment deployment = deployment(argument.file(), globals);
        out().print(deployment.describe(Kind.APP, argument.nameOr("main")));
        if (argument.name() == null && deployment.names(Kind.SERVER).contains("main")) {
            out().print(deployment.describe(Kind.SERVER, "main"));
        }
        return 0;
    }
}
