package dev.spawning.cli;

import dev.spawning.core.Context;
import dev.spawning.core.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * {@code spawn config FILE[#NAME] [--type app|filter|server]}: prints, as
 * {@code {"global_conf": {...}, "local_conf": {...}}}, what that object's factory receives.
 */
@Command(name = "config", description = "Print the global and local conf a section's factory receives, as JSON.")
final class ConfigCommand extends SpawnCommand {

    @Parameters(index = "0", paramLabel = "FILE[#NAME]", description = "The deployment file and section name.")
    String file;

    @Parameters(index = "1..*", paramLabel = "NAME=VALUE", description = "Globals passed to every section.")
    List<String> globals = new ArrayList<>();

    @Option(names = "--type", paramLabel = "app|filter|server", description = "What NAME is (default: app).")
    String type = "app";

    @Override
    public Integer call() {
        Kind kind = Kind.ofWord(type);
        if (kind == null) {
            throw new CommandException("--type must be app, filter or server, not '" + type + "'");
        }
        DeploymentArgument argument = DeploymentArgument.parse(file);
        Context context = deployment(argument.file(), globals)
                .context(kind, argument.nameOr("main"));
        out().println("{\"global_conf\": " + json(context.globalConf().asMap())
                + ", \"local_conf\": " + json(context.localConf().asMap()) + "}");
        return 0;
    }

    /** A flat object in Python's {@code json.dumps} layout: {@code {"a": "b", "c": "d"}}. */
    static String json(Map<String, String> values) {
        List<String> members = new ArrayList<>();
        values.forEach((key, value) -> members.add(quote(key) + ": " + quote(value)));
        return "{" + String.join(", ", members) + "}";
    }

    /** {@code text} as a JSON string, quotes included. */
    static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsCharArray(text)) + "\"";
    }
}
