package dev.spawning.controller;

import dev.spawning.core.Deployment;
import dev.spawning.core.DeploymentException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * {@code spawn serve} with worker processes: binds the listening socket once, checks that the
 * server's provider can serve it in a worker, starts {@code processes} worker JVMs that serve it,
 * prints {@code Serving on http://HOST:PORT} ({@code https} with TLS) when all are ready (and, with
 * {@code metrics_bind}, {@code Metrics on http://HOST:PORT}: the {@link OperationsListener}, bound
 * before any worker starts), and from then on replaces
 * crashed workers and reloads on {@code SIGHUP}, {@code spawn ctl reload}, (with
 * {@code reload = dev}) a changed file or (with {@code reload = revision}) a new revision of a git
 * or svn checkout: a whole new generation starts while the old one serves, and the old one drains
 * only once every new worker is ready. Linux only.
 *
 * <pre>{@code
 * ControllerSettings settings = ControllerSettings.of(deployment, "main");
 * int status = Controller.create(launch, deployment, settings).run(out, err);
 * }</pre>
 *
 * Threads (docs/concurrency.md): {@link #run} is the supervisor's, and returns when the
 * controller stops; it must run on the JVM's main thread of a process that runs nothing else, as
 * it takes descriptor 0 and the process's signals.
 */
public final class Controller {

    private final Launch launch;
    private final Deployment deployment;
    private final ControllerSettings settings;

    private Controller(Launch launch, Deployment deployment, ControllerSettings settings) {
        this.launch = launch;
        this.deployment = deployment;
        this.settings = settings;
    }

    /**
     * A controller, not yet started.
     *
     * @param launch     what each worker loads
     * @param deployment the same deployment as the controller reads it (with the class loader of
     *                   {@code --classpath}), used to check the server's provider; no app is loaded
     * @param settings   the controller's settings
     * @return the controller
     */
    public static Controller create(Launch launch, Deployment deployment, ControllerSettings settings) {
        return new Controller(launch, deployment, settings);
    }

    /**
     * Binds, starts the workers and serves until {@code SIGTERM} (exit 0 once every worker has
     * drained), {@code SIGINT} (exit 130, workers stopped at once) or {@code spawn ctl stop}.
     *
     * @param out where {@code Serving on ...} and the workers' standard output go
     * @param err where the controller's log and the workers' standard error go
     * @return the exit status
     * @throws ControllerException when the socket (or {@code metrics_bind}) cannot be bound, the provider cannot serve it in
     *         a worker, or the first generation does not start (with the worker's error output)
     * @throws InterruptedException when the thread is interrupted
     */
    public int run(PrintWriter out, PrintWriter err) throws InterruptedException {
        ServerSocketChannel socket = bind();
        String url = url(settings.listen().scheme(), socket);
        checkProvider();
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        ControllerProbes probes = new ControllerProbes();
        try (OperationsListener operations = settings.listen().metricsBind()
                        .map(address -> OperationsListener.start(address, probes)).orElse(null);
                RuntimeDirectory runtime = RuntimeDirectory.create();
                UnixServer linkServer = UnixServer.listen(runtime.path().resolve("workers.sock"), "spawn-links",
                        channel -> WorkerLinks.read(channel, events, probes.workers()));
                UnixServer control = ControlServer.listen(settings.control(), events)) {
            Signals.install(events);
            if (settings.reload() == ControllerSettings.Reload.DEV) {
                ChangeWatcher.start(this::watched, events);
            } else if (settings.reload() == ControllerSettings.Reload.REVISION) {
                RevisionWatcher.start(checkouts(), buildOutput(), events);
            }
            err.println("spawn: controller " + ProcessHandle.current().pid() + ", " + settings.processes()
                    + " worker(s) of " + url + ", control socket " + control.path());
            err.flush();
            WorkerLauncher launcher = new WorkerLauncher(launch, settings, linkServer.path(), out, err, events);
            return new Supervisor(settings, launcher, events, out, err, url, probes,
                    operations == null ? null : operations.url()).run();
        }
    }

    private ServerSocketChannel bind() {
        if (settings.listen().inheritedSocket()) {
            return ListeningSocket.inherited("bind = fd://0");
        }
        return ListeningSocket.bindOnStandardInput(settings.listen().host(), settings.listen().port(),
                settings.listen().backlog());
    }

    /**
     * Loads the server section as a worker will ({@code bind = fd://0}), without starting it: a
     * provider that cannot serve a socket bound elsewhere is refused before any worker starts.
     */
    private void checkProvider() {
        Map<String, String> overrides = new LinkedHashMap<>(launch.serverSettings());
        overrides.put("bind", "fd://0");
        deployment.withServerSettings(overrides).server(launch.serverName());
    }

    /**
     * The checkouts {@code reload = revision} reads: those holding the {@code watch} entries, or
     * the deployment file when there are none; each read once now, so that one this machine
     * cannot read (svn without the svn command) is refused before any worker starts.
     */
    private List<Revision> checkouts() {
        List<Path> holders = settings.watch().isEmpty() ? List.of(launch.file()) : settings.watch();
        List<Revision> checkouts = new ArrayList<>();
        for (Path holder : holders) {
            Revision checkout = Revision.of(holder).orElseThrow(() -> new ControllerException(
                    "reload = revision: " + holder + " is not in a git or svn checkout;"
                            + " name the checkout in watch, or use reload = dev"));
            if (!checkouts.contains(checkout)) {
                checkout.check(holder);
                checkouts.add(checkout);
            }
        }
        return checkouts;
    }

    /** What a build writes: the app's class path; {@code reload = revision} waits until it is stable. */
    private List<Path> buildOutput() {
        List<Path> paths = new ArrayList<>(settings.classpath());
        for (String entry : launch.classpath()) {
            paths.add(Path.of(entry.endsWith("/*") ? entry.substring(0, entry.length() - 2) : entry));
        }
        return paths;
    }

    /**
     * What {@code reload = dev} watches: the app's class path, {@code watch}, the deployment file
     * and the files it includes ({@code config:}); while the deployment file cannot be parsed,
     * the file alone (mending it is a change, after which its includes are found again).
     */
    private List<Path> watched() {
        List<Path> paths = buildOutput();
        paths.addAll(settings.watch());
        try {
            paths.addAll(deployment.files());
        } catch (DeploymentException unreadable) {
            paths.add(launch.file());
        }
        return paths;
    }

    /** {@code SCHEME://HOST:PORT}: {@code https} when the server section has {@code certfile}. */
    private static String url(String scheme, ServerSocketChannel socket) {
        try {
            InetSocketAddress address = (InetSocketAddress) socket.getLocalAddress();
            String host = address.getAddress().getHostAddress();
            return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
        } catch (IOException e) {
            throw new ControllerException("Cannot read the address of the listening socket: " + e.getMessage(), e);
        }
    }

}
