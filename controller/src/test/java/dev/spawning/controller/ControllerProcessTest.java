package dev.spawning.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller as a process, on a test provider: workers behind one socket, reloads, a failed
 * reload, crashes, stops. (A controller killed with SIGKILL is {@code ControllerServeTest}'s, in
 * cli, on each real provider.)
 */
class ControllerProcessTest {

    @TempDir
    Path dir;

    private Path deployment(String app) throws IOException {
        return deployment(app, "");
    }

    private Path deployment(String app, String more) throws IOException {
        return deployment(dir.resolve("deployment.ini"), app, more);
    }

    private static Path deployment(Path file, String app, String more) throws IOException {
        Files.writeString(file, app + """

                [server:main]
                use = service:handed
                host = 127.0.0.1
                port = 0
                processes = 2
                graceful_timeout = 5s
                """ + more);
        return file;
    }

    private static String text(String body) {
        return "[app:main]\nuse = service:text\nbody = " + body + "\n";
    }

    @Test
    void twoWorkersServeAndSighupSwitchesGenerationsWithRequestsSucceedingThroughout() throws Exception {
        Path file = deployment(text("generation one"));
        try (ControllerProcess controller = ControllerProcess.start(file)) {
            String url = controller.servingUrl();
            assertThat(ControllerProcess.get(url + "/")).isEqualTo("generation one");
            assertThat(controller.workers()).hasSize(2);
            try (Load load = new Load(url)) {
                deployment(text("generation two"));
                controller.signal("HUP");
                awaitBody(url, "generation two");
                Thread.sleep(500);
                assertThat(load.failures()).isZero();
                assertThat(load.served()).isPositive();
            }
            String status = awaitStatus(dir.resolve("spawn.sock"), "\"result\":\"succeeded\"");
            assertThat(status).contains("\"trigger\":\"SIGHUP\"", "\"serving_generation\":2");
        }
    }

    @Test
    void aFailedReloadKeepsTheOldGenerationServingAndStatusShowsTheFailure() throws Exception {
        Path file = deployment(text("old code"));
        try (ControllerProcess controller = ControllerProcess.start(file)) {
            String url = controller.servingUrl();
            deployment("[app:main]\nuse = call:dev.spawning.core.TestFactories::broken\n");
            assertThat(ControlClient.send(dir.resolve("spawn.sock"), "reload")).isEqualTo("reload requested");
            String status = awaitStatus(dir.resolve("spawn.sock"), "\"result\":\"failed\"");
            assertThat(status).contains("the database is not there");
            assertThat(ControllerProcess.get(url + "/")).as(controller.err()).isEqualTo("old code");
            assertThat(controller.err()).contains("reload failed, generation 1 keeps serving");
        }
    }

    @Test
    void withReloadDevAChangeOfTheDeploymentFileStartsANewGeneration() throws Exception {
        Path file = deployment(text("before the edit"), "reload = dev\n");
        try (ControllerProcess controller = ControllerProcess.start(file)) {
            String url = controller.servingUrl();
            assertThat(ControllerProcess.get(url + "/")).isEqualTo("before the edit");
            deployment(text("after the edit"), "reload = dev\n");
            awaitBody(url, "after the edit");
            String status = awaitStatus(dir.resolve("spawn.sock"), "\"result\":\"succeeded\"");
            assertThat(status).contains("\"trigger\":\"a change of the watched files\"");
        }
    }

    @Test
    void withReloadDevAChangeOfAFileTheDeploymentIncludesStartsANewGenerationAndANewIncludeIsWatched()
            throws Exception {
        Path parts = Files.createDirectories(dir.resolve("parts"));
        Files.writeString(parts.resolve("first.ini"), text("first include"));
        deployment("[app:main]\nuse = config:parts/first.ini\n", "reload = dev\n");
        try (ControllerProcess controller = ControllerProcess.start(dir.resolve("deployment.ini"))) {
            String url = controller.servingUrl();
            assertThat(ControllerProcess.get(url + "/")).isEqualTo("first include");
            Files.writeString(parts.resolve("first.ini"), text("first include, edited"));
            awaitBody(url, "first include, edited");
            assertThat(awaitStatus(controller.control(), "\"result\":\"succeeded\""))
                    .contains("\"trigger\":\"a change of the watched files\"");

            Files.writeString(parts.resolve("second.ini"), text("second include"));
            deployment("[app:main]\nuse = config:parts/second.ini\n", "reload = dev\n");
            awaitBody(url, "second include");
            Files.writeString(parts.resolve("second.ini"), text("second include, edited"));
            awaitBody(url, "second include, edited");
        }
    }

    @Test
    void withReloadRevisionAnSvnUpdateToANewRevisionStartsANewGeneration() throws Exception {
        Svn.requireInstalled();
        String url = Svn.createRepository(dir.resolve("repo"));
        Path elsewhere = Svn.checkout(url, dir.resolve("elsewhere"));
        deployment(elsewhere.resolve("deployment.ini"), text("revision one"), "reload = revision\n");
        Svn.commit(elsewhere, "one");
        Path watched = Svn.checkout(url, dir.resolve("watched"));
        try (ControllerProcess controller = ControllerProcess.start(watched.resolve("deployment.ini"))) {
            String served = controller.servingUrl();
            deployment(elsewhere.resolve("deployment.ini"), text("revision two"), "reload = revision\n");
            Svn.commit(elsewhere, "two");
            Thread.sleep(RevisionWatcher.POLL.multipliedBy(3));
            assertThat(ControllerProcess.get(served + "/")).isEqualTo("revision one");
            Svn.update(watched);
            awaitBody(served, "revision two");
            String status = awaitStatus(controller.control(), "\"result\":\"succeeded\"");
            assertThat(status).contains("\"trigger\":\"revision r2\"");
        }
    }

    @Test
    void withReloadRevisionAnSvnCheckoutWithoutTheSvnCommandIsRefusedAtStartUp() throws Exception {
        Path workingCopy = Files.createDirectories(dir.resolve("wc/.svn")).getParent();
        Path file = deployment(workingCopy.resolve("deployment.ini"), text("never"), "reload = revision\n");
        Path noPrograms = Files.createDirectories(dir.resolve("no-programs"));
        try (ControllerProcess controller = ControllerProcess.start(file, Map.of("PATH", noPrograms.toString()))) {
            assertThat(controller.waitFor(ControllerProcess.WAIT)).isEqualTo(2);
            assertThat(controller.err()).contains("reload = revision: " + file + " is an svn checkout, and reading"
                    + " its revision needs the svn command, which cannot be run (Cannot run program \"svn\"")
                    .endsWith("); install Subversion, or use reload = dev\n")
                    .doesNotContain("spawn: controller");
            assertThat(controller.workers()).isEmpty();
        }
    }

    @Test
    void withReloadRevisionAFileInNoCheckoutIsRefusedAtStartUp() throws Exception {
        Path file = deployment(text("never"), "reload = revision\n");
        try (ControllerProcess controller = ControllerProcess.start(file)) {
            assertThat(controller.waitFor(ControllerProcess.WAIT)).isEqualTo(2);
            assertThat(controller.err()).endsWith("reload = revision: " + file + " is not in a git or svn checkout;"
                    + " name the checkout in watch, or use reload = dev\n");
            assertThat(controller.workers()).isEmpty();
        }
    }

    @Test
    void aWorkerThatDiesIsReplacedAndTtinTtouChangeTheirNumber() throws Exception {
        try (ControllerProcess controller = ControllerProcess.start(deployment(text("still here")))) {
            String url = controller.servingUrl();
            ProcessHandle victim = controller.workers().getFirst();
            victim.destroyForcibly();
            awaitWorkers(controller, 2, victim);
            assertThat(ControllerProcess.get(url + "/")).isEqualTo("still here");
            assertThat(controller.err()).contains("exited unexpectedly with status 137; replacing it");
            controller.signal("TTIN");
            awaitWorkers(controller, 3, victim);
            controller.signal("TTOU");
            awaitWorkers(controller, 2, victim);
            assertThat(ControlClient.send(dir.resolve("spawn.sock"), "workers 1")).isEqualTo("workers: 1");
            awaitWorkers(controller, 1, victim);
        }
    }

    /** Waits until the controller has {@code count} live workers, none of them {@code gone}. */
    private static void awaitWorkers(ControllerProcess controller, int count, ProcessHandle gone) throws Exception {
        long deadline = System.nanoTime() + ControllerProcess.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> workers = controller.workers().stream().filter(ProcessHandle::isAlive).toList();
            String status = ControlClient.send(controller.control(), "status");
            long ready = status.split("\"state\":\"ready\"", -1).length - 1;
            if (workers.size() == count && ready == count && !workers.contains(gone)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never " + count + " workers; stderr:\n" + controller.err());
    }

    @Test
    void aFirstGenerationThatCannotStartEndsTheControllerWithTheWorkersErrorOutput() throws Exception {
        Path file = deployment("[app:main]\nuse = call:dev.spawning.core.TestFactories::broken\n");
        try (ControllerProcess controller = ControllerProcess.start(file)) {
            assertThat(controller.waitFor(ControllerProcess.WAIT)).isEqualTo(2);
            assertThat(controller.err()).contains("exited with status 2 before it was ready; its last error output:",
                    "the database is not there");
            assertThat(controller.workers()).isEmpty();
        }
    }

    @Test
    void aProviderThatCannotServeAHandedSocketIsRefusedBeforeAnyWorkerStarts() throws Exception {
        Path file = dir.resolve("deployment.ini");
        Files.writeString(file, text("never") + """
                [server:main]
                use = call:dev.spawning.core.TestFactories::server
                host = 127.0.0.1
                port = 0
                processes = 2
                """);
        try (ControllerProcess controller = ControllerProcess.start(file)) {
            assertThat(controller.waitFor(ControllerProcess.WAIT)).isEqualTo(2);
            assertThat(controller.err()).contains("bind = fd://0: ", "cannot serve a socket bound elsewhere")
                    .doesNotContain("spawn: controller");
        }
    }

    @Test
    void statusDuringAReloadShowsBothGenerationsWithTheirStates() throws Exception {
        try (ControllerProcess controller = ControllerProcess.start(deployment(text("old")))) {
            controller.servingUrl();
            deployment("[app:main]\nuse = call:dev.spawning.controller.SlowApps::slow\ndelay = 4s\nbody = new\n");
            controller.signal("HUP");
            String during = awaitStatus(controller.control(), "\"reloading\":true");
            assertThat(during).contains("{\"generation\":1,\"workers\":[{\"id\":1,", "{\"generation\":2,\"workers\":[")
                    .contains("\"state\":\"ready\"", "\"state\":\"starting\"", "\"serving_generation\":1");
            String after = awaitStatus(controller.control(), "\"result\":\"succeeded\"");
            assertThat(after).contains("\"serving_generation\":2", "\"duration_ms\":").doesNotContain("\"generation\":1,");
        }
    }

    @Test
    void workersIgnoreSigintAndTheControllersSigintStopsThemAtOnce() throws Exception {
        try (ControllerProcess controller = ControllerProcess.start(deployment(text("ctrl-c")))) {
            String url = controller.servingUrl();
            List<ProcessHandle> workers = controller.workers();
            for (ProcessHandle worker : workers) {
                new ProcessBuilder("kill", "-INT", String.valueOf(worker.pid())).start().waitFor();
            }
            Thread.sleep(500);
            assertThat(workers).allMatch(ProcessHandle::isAlive);
            assertThat(ControllerProcess.get(url + "/")).isEqualTo("ctrl-c");
            controller.signal("INT");
            assertThat(controller.waitFor(ControllerProcess.WAIT)).isEqualTo(130);
            assertThat(workers).noneMatch(ProcessHandle::isAlive);
        }
    }

    @Test
    void aWorkerPastMaxRequestsIsRecycledOnceItsReplacementIsReady() throws Exception {
        try (ControllerProcess controller = ControllerProcess.start(deployment(text("recycled"), "max_requests = 5\n"))) {
            String url = controller.servingUrl();
            List<ProcessHandle> first = controller.workers();
            for (int i = 0; i < 40; i++) {
                assertThat(ControllerProcess.get(url + "/")).isEqualTo("recycled");
            }
            long deadline = System.nanoTime() + ControllerProcess.WAIT.toNanos();
            while (controller.workers().stream().anyMatch(first::contains) && System.nanoTime() < deadline) {
                assertThat(ControllerProcess.get(url + "/")).isEqualTo("recycled");
                Thread.sleep(100);
            }
            assertThat(controller.workers()).hasSize(2).noneMatch(first::contains);
            assertThat(controller.err()).contains("(max_requests); recycling it once its replacement is ready");
        }
    }

    @Test
    void anAddressInUseIsAClearErrorNamingIt() throws Exception {
        try (ServerSocketChannel taken = ServerSocketChannel.open()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) taken.getLocalAddress()).getPort();
            Path file = deployment(text("never"));
            Files.writeString(file, Files.readString(file).replace("port = 0", "port = " + port));
            try (ControllerProcess controller = ControllerProcess.start(file)) {
                assertThat(controller.waitFor(ControllerProcess.WAIT)).isEqualTo(2);
                assertThat(controller.err()).endsWith("Cannot bind 127.0.0.1:" + port + ": Address already in use\n");
                assertThat(controller.workers()).isEmpty();
            }
        }
    }

    @Test
    void theDirectoryOfAControllerKilledWithSigkillIsRemovedByTheNextController() throws Exception {
        Path file = deployment(text("killed"));
        Path killedDirectory;
        try (ControllerProcess killed = ControllerProcess.start(file)) {
            killed.servingUrl();
            killedDirectory = runtimeDirectoryOf(killed.pid());
            List<ProcessHandle> workers = killed.workers();
            killed.signal("KILL");
            killed.waitFor(ControllerProcess.WAIT);
            for (ProcessHandle worker : workers) {
                worker.onExit().get(ControllerProcess.WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            assertThat(killedDirectory.resolve(RuntimeDirectory.OWNER)).exists();
            try (ControllerProcess next = ControllerProcess.start(file)) {
                next.servingUrl();
                assertThat(killedDirectory).doesNotExist();
                Path nextDirectory = runtimeDirectoryOf(next.pid());
                next.signal("TERM");
                assertThat(next.waitFor(ControllerProcess.WAIT)).isZero();
                assertThat(nextDirectory).doesNotExist();
            }
        }
    }

    /** The {@code spawn-*} directory of the controller {@code pid}, in the temporary directory. */
    private static Path runtimeDirectoryOf(long pid) throws IOException {
        try (var entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith(RuntimeDirectory.PREFIX))
                    .filter(entry -> ownedBy(entry, pid)).findFirst()
                    .orElseThrow(() -> new AssertionError("no runtime directory of controller " + pid));
        }
    }

    private static boolean ownedBy(Path directory, long pid) {
        try {
            return Files.readString(directory.resolve(RuntimeDirectory.OWNER)).startsWith(pid + " ");
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void sigtermDrainsEveryWorkerAndExitsZero() throws Exception {
        try (ControllerProcess controller = ControllerProcess.start(deployment(text("bye")))) {
            controller.servingUrl();
            List<ProcessHandle> workers = controller.workers();
            controller.signal("TERM");
            assertThat(controller.waitFor(ControllerProcess.WAIT)).isZero();
            assertThat(workers).noneMatch(ProcessHandle::isAlive);
        }
    }

    private static void awaitBody(String url, String body) throws Exception {
        long deadline = System.nanoTime() + ControllerProcess.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (ControllerProcess.get(url + "/").equals(body)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never answered " + body);
    }

    private static String awaitStatus(Path control, String part) throws InterruptedException {
        long deadline = System.nanoTime() + ControllerProcess.WAIT.toNanos();
        String status = "";
        while (System.nanoTime() < deadline) {
            status = ControlClient.send(control, "status");
            if (status.contains(part)) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("status never showed " + part + ": " + status);
    }

    /** Two clients sending requests one after another until closed, counting what failed. */
    private static final class Load implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong served = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private final AtomicReference<String> firstFailure = new AtomicReference<>();
        private final List<Thread> threads;

        Load(String url) {
            threads = List.of(Thread.ofPlatform().start(() -> run(url)), Thread.ofPlatform().start(() -> run(url)));
        }

        private void run(String url) {
            while (running.get()) {
                try {
                    ControllerProcess.get(url + "/");
                    served.incrementAndGet();
                } catch (IOException e) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, e.toString());
                }
            }
        }

        long served() {
            return served.get();
        }

        long failures() {
            return failures.get();
        }

        @Override
        public void close() {
            running.set(false);
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            assertThat(firstFailure.get()).as("first failure").isNull();
        }
    }
}
