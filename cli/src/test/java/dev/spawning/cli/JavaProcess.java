package dev.spawning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
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
 * A child process (a JVM running spawn, or the bin/spawn launcher) whose output lines are collected
 * as they come, so a test can wait for a line without sleeping.
 */
final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> outLines = new LinkedBlockingQueue<>();
    private final List<String> out = new ArrayList<>();
    private final StringBuffer err = new StringBuffer();
    private final Thread outReader;
    private final Thread errReader;

    private JavaProcess(Process process) {
        this.process = process;
        outReader = Thread.ofVirtual().start(() -> pump(new BufferedReader(new InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8)), outLines));
        errReader = Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = process.errorReader(StandardCharsets.UTF_8)) {
                reader.lines().forEach(line -> err.append(line).append('\n'));
            } catch (IOException closed) {
                // the process ended
            }
        });
    }

    /** Runs {@code spawn} with this JVM's java and class path; a null value in {@code env} unsets it. */
    static JavaProcess spawn(Map<String, String> env, String... args) throws IOException {
        return spawn(env, List.of(), args);
    }

    /** Runs {@code spawn} as {@link #spawn(Map, String...)} does, with {@code jvmOptions} too. */
    static JavaProcess spawn(Map<String, String> env, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.spawning.cli.Spawn"));
        command.addAll(List.of(args));
        return start(command, env, null);
    }

    static JavaProcess start(List<String> command, Map<String, String> env, Path directory) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        env.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        return new JavaProcess(builder.start());
    }

    private static void pump(BufferedReader reader, BlockingQueue<String> lines) {
        try (reader) {
            reader.lines().forEach(lines::add);
        } catch (IOException closed) {
            // the process ended
        }
    }

    /**
     * The next line of standard output, waiting up to {@code timeout}; null when none came (at
     * once when the process has ended without printing one).
     */
    String nextLine(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = outLines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                out.add(line);
                return line;
            }
            if (!process.isAlive() && outLines.isEmpty() && !outReader.isAlive()) {
                return null;
            }
        }
        return null;
    }

    /**
     * The address {@code spawn serve} prints first, {@code Serving on URL}, waiting up to
     * {@code timeout}; it must be on 127.0.0.1, where the tests serve.
     */
    String servingUrl(Duration timeout) throws InterruptedException {
        String line = nextLine(timeout);
        assertThat(line).as("stderr: %s", err()).startsWith("Serving on http://127.0.0.1:");
        return line.substring("Serving on ".length());
    }

    /** Waits for the process to end; returns its exit status. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not end within " + timeout + "; stderr: " + err);
        }
        errReader.join(Duration.ofSeconds(5));
        return process.exitValue();
    }

    /** Everything printed on standard output: the lines read, then the rest once the process ended. */
    String out() {
        List<String> all = new ArrayList<>(out);
        outLines.drainTo(all);
        return String.join("\n", all);
    }

    String err() {
        return err.toString();
    }

    /** Sends a signal, such as {@code HUP} or {@code KILL}. */
    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
    }

    /** The process's children: a controller's workers. */
    List<ProcessHandle> children() {
        return process.toHandle().children().toList();
    }

    /** Sends SIGTERM, leaving the output streams open (Process.destroy would close them). */
    void terminate() {
        process.toHandle().destroy();
    }

    @Override
    public void close() {
        List<ProcessHandle> descendants = process.toHandle().descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** Runs {@code spawn ctl ARGS} in this JVM, asserts it succeeded and returns its output. */
    static String ctl(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] command = new String[args.length + 1];
        command[0] = "ctl";
        System.arraycopy(args, 0, command, 1, args.length);
        int status = Spawn.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as("stderr: %s", err).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
