package dev.spawning.controller;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A controller in a JVM of its own ({@link ControllerMain}), as {@code spawn serve} runs it: it
 * takes descriptor 0 and the process's signals, which a test JVM must keep. Its output lines are
 * collected as they come; its standard error is kept whole.
 */
final class ControllerProcess implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final BlockingQueue<String> out = new LinkedBlockingQueue<>();
    private final StringBuffer err = new StringBuffer();
    private final Thread errReader;

    private ControllerProcess(Process process) {
        this.process = process;
        Thread.ofVirtual().start(() -> pump(process.inputReader(StandardCharsets.UTF_8), out::add));
        errReader = Thread.ofVirtual().start(() -> pump(process.errorReader(StandardCharsets.UTF_8),
                line -> err.append(line).append('\n')));
    }

    private Path control;

    /** The control socket: {@code spawn.sock} next to the deployment file. */
    Path control() {
        return control;
    }

    static ControllerProcess start(Path file) throws IOException {
        return start(file, Map.of());
    }

    /** A controller of {@code file} whose environment is the test's with {@code environment} laid over it. */
    static ControllerProcess start(Path file, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-Dguice_bytecode_gen_option=DISABLED",
                "-cp", System.getProperty("java.class.path"), ControllerMain.class.getName(), file.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        ControllerProcess controller = new ControllerProcess(builder.start());
        controller.control = file.resolveSibling("spawn.sock");
        return controller;
    }

    private static void pump(BufferedReader reader, java.util.function.Consumer<String> sink) {
        try (reader) {
            reader.lines().forEach(sink);
        } catch (IOException ended) {
            // the process ended
        }
    }

    /** The URL of {@code Serving on URL}, waiting for it; fails with the standard error if it does not come. */
    String servingUrl() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = out.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("Serving on ")) {
                return line.substring("Serving on ".length());
            }
            if (!process.isAlive() && out.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no 'Serving on' line; stderr:\n" + err);
    }

    long pid() {
        return process.pid();
    }

    String err() {
        return err.toString();
    }

    void signal(String name) throws Exception {
        new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the controller did not end within " + timeout + "; stderr:\n" + err);
        }
        errReader.join(Duration.ofSeconds(5));
        return process.exitValue();
    }

    /** The worker processes: the controller's children. */
    List<ProcessHandle> workers() {
        return process.toHandle().children().toList();
    }

    static String get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(10000);
        try (var body = connection.getInputStream()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    /**
     * Kills the controller and its workers, then removes the directories of ended controllers as
     * the next controller would: a controller killed cannot remove its own.
     */
    @Override
    public void close() {
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RuntimeDirectory.removeStale(Path.of(System.getProperty("java.io.tmpdir")));
    }
}
