package dev.spawning.controller;

import dev.spawning.core.Deployment;
import dev.spawning.core.DeploymentException;
import dev.spawning.factory.App;
import dev.spawning.factory.Server;
import dev.spawning.factory.ServerFigures;
import dev.spawning.factory.StopReport;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The main class of a worker JVM, which the controller starts with the listening socket as its
 * standard input: loads the deployment with {@code bind = fd://0}, starts the server, reports
 * READY and then its figures (and metrics) over its link, and on the controller's word (or when the link ends,
 * the controller gone) drains and exits 0. It ignores SIGINT: Ctrl-C reaches the whole process
 * group, and the controller decides how its workers stop. Not an API; public because the JVM
 * launches it.
 *
 * <p>Threads: the main thread loads, starts, then reads the link until it says drain or ends, and
 * drains; the {@code spawn-heartbeat} thread sends the figures and the metrics every second, and the
 * main thread the last metrics after the drain ({@link MetricsReport} keeps them in order). The server's accept
 * thread asks the worker's {@link Balance} before each accept.
 */
public final class Worker {

    static final Duration HEARTBEAT = Duration.ofSeconds(1);

    private Worker() {
    }

    /**
     * Runs a worker; the arguments are {@link WorkerCommand}'s.
     *
     * @param args {@code --id N --link PATH --board PATH --slot K --file FILE --app NAME --server NAME}, then
     *             {@code --global NAME=VALUE} and {@code --set NAME=VALUE}, each repeatable
     */
    public static void main(String[] args) {
        Signals.ignoreInterrupt();
        keepStandardStreams();
        WorkerArguments arguments = WorkerArguments.parse(args);
        Balance balance = balance(arguments);
        Server server;
        try {
            server = start(arguments, balance);
        } catch (DeploymentException e) {
            e.problems().forEach(problem -> System.err.println(problem.text()));
            System.exit(2);
            return;
        } catch (Exception e) {
            System.err.println("Worker " + arguments.id() + " cannot start: " + e);
            e.printStackTrace(System.err);
            System.exit(1);
            return;
        }
        Link link = connect(arguments, server);
        MetricsReport metrics = new MetricsReport(server, link);
        Thread.ofPlatform().daemon().name("spawn-heartbeat").start(() -> heartbeat(link, server, balance, metrics));
        Duration grace = awaitDrain(link, server.gracefulTimeout());
        balance.withdraw();
        StopReport report = server.stop(grace);
        metrics.sendLast();
        link.send("STOPPED " + report.completed() + " " + report.closedIdle() + " " + report.cutOff() + " "
                + report.took().toMillis());
        link.close();
        System.exit(0);
    }

    private static Balance balance(WorkerArguments arguments) {
        try {
            return new Balance(Board.open(arguments.board()), arguments.slot());
        } catch (IOException e) {
            System.err.println("Worker " + arguments.id() + " cannot open its controller's board " + arguments.board()
                    + ": " + e.getMessage());
            System.exit(1);
            throw new AssertionError("unreachable");
        }
    }

    private static Server start(WorkerArguments arguments, Balance balance) throws IOException {
        Map<String, String> overrides = new LinkedHashMap<>(arguments.serverSettings());
        overrides.put("bind", "fd://0");
        Deployment deployment = Deployment.of(arguments.file()).withGlobalConf(arguments.globals())
                .withServerSettings(overrides);
        Server server = deployment.server(arguments.serverName());
        App app = deployment.app(arguments.appName());
        if (!server.gateAccepts(balance)) {
            System.err.println("spawn worker " + arguments.id() + ": " + server
                    + " takes no accept gate; its connections are not balanced with the other workers'");
        }
        server.start(app);
        return server;
    }

    /**
     * Standard output and error, reopened on descriptors of their own: when the server closes the
     * inherited channel the JDK points descriptors 0, 1 and 2 at /dev/null, and a worker's log (an
     * {@code access_log = -} included) would go dark in the middle of its drain.
     */
    private static void keepStandardStreams() {
        try {
            System.setOut(new PrintStream(new FileOutputStream("/proc/self/fd/1"), true));
            System.setErr(new PrintStream(new FileOutputStream("/proc/self/fd/2"), true));
        } catch (IOException e) {
            System.err.println("spawn worker: cannot reopen standard output and error: " + e.getMessage());
        }
    }

    private static Link connect(WorkerArguments arguments, Server server) {
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(arguments.link()));
            Link link = new Link(channel);
            if (link.send("READY " + arguments.id() + " " + ProcessHandle.current().pid())) {
                return link;
            }
        } catch (IOException e) {
            System.err.println("Worker " + arguments.id() + ": cannot reach the controller at " + arguments.link()
                    + ": " + e.getMessage());
        }
        server.stop(Duration.ZERO);
        System.exit(1);
        throw new AssertionError("unreachable");
    }

    /** Reads the link until the controller says drain (its grace) or the link ends (the configured grace). */
    private static Duration awaitDrain(Link link, Duration configured) {
        for (String line = link.receive(); line != null; line = link.receive()) {
            if (line.startsWith("DRAIN ")) {
                return Duration.ofMillis(Long.parseLong(line.substring(6).strip()));
            }
        }
        System.err.println("spawn worker " + ProcessHandle.current().pid() + ": the controller is gone; draining");
        return configured;
    }

    private static void heartbeat(Link link, Server server, Balance balance, MetricsReport metrics) {
        while (true) {
            Optional<ServerFigures> figures = server.figures();
            figures.ifPresent(now -> balance.publish(now.openConnections()));
            String message = figures.map(Link::figures).orElse("ALIVE");
            if (!link.send(message)) {
                return;
            }
            metrics.send();
            try {
                Thread.sleep(HEARTBEAT);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
