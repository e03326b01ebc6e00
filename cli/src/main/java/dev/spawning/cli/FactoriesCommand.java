package dev.spawning.cli;

import dev.spawning.core.ProviderInfo;
import dev.spawning.core.Providers;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code spawn factories}: the discovered providers: name, protocol, module, description. */
@Command(name = "factories", description = "List the providers on the classpath.")
final class FactoriesCommand extends SpawnCommand {

    @Override
    public Integer call() {
        Providers providers = Providers.discover(options.classLoader());
        List<String[]> rows = providers.found().stream().map(FactoriesCommand::row).toList();
        int[] widths = {4, 8, 6};
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        String format = "%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s%n";
        out().printf(format, "NAME", "PROTOCOL", "MODULE", "DESCRIPTION");
        rows.forEach(row -> out().printf(format, (Object[]) row));
        providers.unusable().forEach(problem -> err().println("warning: " + problem));
        return 0;
    }

    private static String[] row(ProviderInfo provider) {
        String protocols = String.join(", ", provider.protocols().stream().map(Object::toString).toList());
        return new String[] {provider.name(), protocols, provider.module(), provider.description()};
    }
}
