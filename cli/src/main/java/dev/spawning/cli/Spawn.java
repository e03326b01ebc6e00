package dev.spawning.cli;

import dev.spawning.controller.ControllerException;
import dev.spawning.core.DeploymentException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code spawn} command: {@code serve} (also plain {@code spawn FILE}), {@code check},
 * {@code config}, {@code describe}, {@code factories}, {@code convert}, {@code ctl}. Errors go to standard
 * error, name the file and line, and exit with status 2; a stack trace only with {@code --debug}.
 */
@Command(name = "spawn", mixinStandardHelpOptions = true, version = "spawn 0.1.0",
        description = "Serve and inspect deployment files (Paste Deploy's language, INI or YAML).",
        subcommands = {ServeCommand.class, CheckCommand.class, ConfigCommand.class, DescribeCommand.class,
                FactoriesCommand.class, ConvertCommand.class, CtlCommand.class})
public final class Spawn implements Runnable {

    /** Exit status for errors in the input: a bad file, a bad argument. */
    static final int ERROR = 2;

    private static final List<String> COMMANDS =
            List.of("serve", "check", "config", "describe", "factories", "convert", "ctl", "help");

    private Spawn() {
    }

    public static void main(String[] args) {
        // Guice without runtime bytecode generation: on Java 25 that path calls sun.misc.Unsafe,
        // which prints warnings (and will fail in later releases). Set before Guice loads.
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command, writing to {@code out} and {@code err}; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        CommandLine line = new CommandLine(new Spawn());
        line.setOut(outWriter);
        line.setErr(errWriter);
        line.setExecutionExceptionHandler((e, command, parsed) -> report(e, command, errWriter));
        try {
            return line.execute(withDefaultCommand(args));
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing a command or a deployment file");
    }

    /**
     * {@code spawn FILE ...} means {@code spawn serve FILE ...}; options written before the
     * command ({@code spawn --debug check FILE}) are moved after it, where picocli reads them.
     */
    static String[] withDefaultCommand(String[] args) {
        List<String> leading = new ArrayList<>();
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            if (List.of("--help", "-h", "--version", "-V").contains(args[i])) {
                return args;
            }
            leading.add(args[i]);
            if (args[i].equals("--classpath") && i + 1 < args.length) {
                leading.add(args[++i]);
            }
            i++;
        }
        if (i == args.length) {
            return args;
        }
        List<String> reordered = new ArrayList<>();
        if (COMMANDS.contains(args[i])) {
            reordered.add(args[i++]);
        } else {
            reordered.add("serve");
        }
        reordered.addAll(leading);
        reordered.addAll(Arrays.asList(args).subList(i, args.length));
        return reordered.toArray(String[]::new);
    }

    private static int report(Exception e, CommandLine command, PrintWriter err) {
        boolean debug = command.getCommand() instanceof SpawnCommand spawnCommand && spawnCommand.options.debug;
        if (e instanceof DeploymentException deployment) {
            deployment.problems().forEach(problem -> err.println(problem.text()));
        } else if (e instanceof CommandException || e instanceof ControllerException) {
            err.println(e.getMessage());
        } else {
            err.println("spawn: " + e.getMessage());
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return ERROR;
    }
}
