package dev.spawning.controller;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Starts worker JVMs: the same java as the controller's, its class path plus the app's
 * ({@code classpath}, {@code --classpath}), {@code jvm_args}, standard input inherited (the
 * listening socket), standard output and error piped back and copied to the controller's, line by
 * line, by one virtual thread each; the AOT cache when there is one ({@link WorkerArchive}). Hands
 * each worker a slot on the {@link Board}, emptied and free again once the worker has exited.
 * Called on the supervisor's thread.
 */
final class WorkerLauncher {

    private final Launch launch;
    private final ControllerSettings settings;
    private final Path link;
    private final PrintWriter out;
    private final PrintWriter err;
    private final BlockingQueue<Event> events;
    private final WorkerArchive archive;
    private final Board board;
    private final Path boardFile;
    private final BitSet slotsInUse = new BitSet();
    private final Map<Integer, Integer> slots = new HashMap<>();

    WorkerLauncher(Launch launch, ControllerSettings settings, Path link, PrintWriter out, PrintWriter err,
            BlockingQueue<Event> events) {
        this.launch = launch;
        this.settings = settings;
        this.link = link;
        this.out = out;
        this.err = err;
        this.events = events;
        this.archive = new WorkerArchive(link.getParent());
        this.boardFile = link.resolveSibling("board");
        try {
            this.board = Board.create(boardFile);
        } catch (IOException e) {
            throw new ControllerException("Cannot create the workers' board " + boardFile + ": " + e.getMessage(), e);
        }
    }

    /** A worker has reported ready (see {@link WorkerArchive#loaded()}). */
    void ready() {
        archive.loaded();
    }

    /** Worker {@code id} has exited with {@code status}. */
    void exited(int id, int status) {
        archive.exited(id, status);
        Integer slot = slots.remove(id);
        if (slot != null) {
            board.empty(slot);
            slotsInUse.clear(slot);
        }
    }

    WorkerProcess start(int id, int generation) {
        int slot = slotsInUse.nextClearBit(0);
        if (slot >= Board.SLOTS) {
            throw new ControllerException("Cannot start worker " + id + ": " + Board.SLOTS
                    + " workers are running already, the most one controller runs at once");
        }
        ProcessBuilder builder = new ProcessBuilder(command(id, slot)).redirectInput(ProcessBuilder.Redirect.INHERIT);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ControllerException("Cannot start worker " + id + ": " + e.getMessage(), e);
        }
        board.handOut(slot);
        slotsInUse.set(slot);
        slots.put(id, slot);
        WorkerProcess worker = new WorkerProcess(id, generation, process);
        pump(process.getInputStream(), out::println);
        pump(process.getErrorStream(), line -> {
            worker.keep(line);
            err.println(line);
        });
        process.onExit().thenRun(() -> events.add(new Event.Exited(id, process.exitValue())));
        return worker;
    }

    List<String> command(int id, int slot) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString()));
        command.add("-Dguice_bytecode_gen_option=DISABLED");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(archive.options(id));
        command.addAll(settings.jvmArgs());
        command.add("-cp");
        command.add(classPath());
        command.add(Worker.class.getName());
        command.addAll(new WorkerArguments(id, link, boardFile, slot, launch.file(), launch.appName(), launch.serverName(),
                launch.globals(), launch.serverSettings()).toArgs());
        return command;
    }

    private String classPath() {
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path")));
        settings.classpath().forEach(path -> entries.add(path.toString()));
        entries.addAll(launch.classpath());
        return String.join(File.pathSeparator, entries);
    }

    private static void pump(InputStream stream, Consumer<String> sink) {
        Thread.ofVirtual().name("spawn-worker-output").start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException ended) {
                // the worker is gone
            }
        });
    }
}
