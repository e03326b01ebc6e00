package dev.spawning.cli;

import dev.spawning.controller.Controller;
import dev.spawning.controller.ControllerSettings;
import dev.spawning.controller.Launch;
import dev.spawning.controller.OperationsListener;
import dev.spawning.controller.Probes;
import dev.spawning.core.Deployment;
import dev.spawning.factory.App;
import dev.spawning.factory.Server;
import dev.spawning.factory.StopReport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spawn serve FILE [--app-name N] [--server-name N] [--set KEY=VALUE ...] [NAME=VALUE ...]}:
 * with {@code processes = 1} and no {@code reload}, loads the server and the app, serves in this
 * JVM, prints {@code Serving on http://HOST:PORT} ({@code https} with {@code certfile}) per listener
 * when ready, and on {@code SIGTERM} or {@code SIGINT} stops gracefully and reports what the stop
 * did. With {@code metrics_bind} it also serves the {@link OperationsListener} there, bound before
 * the server starts (printed as {@code Metrics on http://HOST:PORT} after {@code Serving on}): the
 * server's own metrics, ready once the server has started and not ready once it stops. Otherwise
 * runs the controller
 * ({@code dev.spawning.controller}), which serves with worker JVMs and never loads the app itself.
 */
@Command(name = "serve", description = "Load the server and the app of a deployment file and serve.")
final class ServeCommand extends SpawnCommand {

    @Parameters(index = "0", paramLabel = "FILE[#APP]", description = "The deployment file (INI or YAML).")
    String file;

    @Parameters(index = "1..*", paramLabel = "NAME=VALUE", description = "Globals passed to every section.")
    List<String> globals = new ArrayList<>();

    @Option(names = "--app-name", paramLabel = "NAME", description = "The app section to serve (default: main).")
    String appName;

    @Option(names = "--server-name", paramLabel = "NAME", description = "The server section (default: main).")
    String serverName;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a setting of the server section, such as processes=4 (repeatable).")
    List<String> serverSettings = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        DeploymentArgument argument = DeploymentArgument.parse(file);
        Map<String, String> overrides = CommonOptions.pairs("--set", serverSettings);
        Deployment deployment = deployment(argument.file(), globals).withServerSettings(overrides);
        String server = serverName != null ? serverName : "main";
        String app = appName != null ? appName : argument.nameOr("main");
        ControllerSettings settings = ControllerSettings.of(deployment, server);
        if (settings.usesController()) {
            Launch launch = new Launch(argument.file(), app, server, CommonOptions.globals(globals), overrides,
                    options.classpath == null ? List.of() : List.of(options.classpath.split(File.pathSeparator)));
            return Controller.create(launch, deployment, settings).run(out(), err());
        }
        return serveHere(deployment.server(server), deployment.app(app), settings.listen().scheme(),
                settings.listen().metricsBind());
    }

    /**
     * Serves in this process until stopped: {@code processes = 1} without {@code reload}, the path
     * (and start-up time) of a single JVM. The other branch is the controller's.
     */
    private int serveHere(Server server, App app, String scheme, Optional<InetSocketAddress> metricsBind)
            throws InterruptedException {
        AtomicReference<String> notReady = new AtomicReference<>("starting");
        try (OperationsListener operations = metricsBind.map(address -> OperationsListener.start(address,
                Probes.of(() -> server.metrics().orElse(""), () -> Optional.ofNullable(notReady.get())))).orElse(null)) {
            start(server, app);
            notReady.set(null);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("spawn-stop").unstarted(() -> {
                notReady.set("stopping");
                stop(server);
            }));
            for (InetSocketAddress address : server.addresses()) {
                out().println("Serving on " + url(scheme, address));
            }
            if (operations != null) {
                out().println("Metrics on " + operations.url());
            }
            out().flush();
            server.await();
        }
        return 0;
    }

    private static void start(Server server, App app) {
        try {
            server.start(app);
        } catch (IOException e) {
            throw new CommandException("Cannot serve: " + e.getMessage(), e);
        }
    }

    private void stop(Server server) {
        StopReport report = server.stop(server.gracefulTimeout());
        err().println("Stopped: " + report);
        err().flush();
    }

    /** {@return {@code SCHEME://HOST:PORT}, an IPv6 host in brackets; {@code scheme} is {@code https} with TLS} */
    static String url(String scheme, InetSocketAddress address) {
        String host = address.getHostString();
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
