package dev.spawning.controller;

import dev.spawning.core.Context;
import dev.spawning.core.Deployment;
import dev.spawning.core.Kind;
import dev.spawning.factory.ByteSize;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Settings;
import dev.spawning.factory.server.ServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The controller's settings, read from the {@code [server:...]} section (the table of
 * {@code spec/controller.md}, the keys of {@link ServerSettings#CONTROLLER_NAMES}) and validated
 * when read: every bad value of the section is reported at once, naming the file, line, section
 * and key.
 *
 * <pre>{@code
 * ControllerSettings settings = ControllerSettings.of(deployment, "main");
 * if (settings.usesController()) { ... }   // processes > 1 or reload
 * }</pre>
 *
 * @param processes       {@code processes}, default 1: worker JVMs; {@code auto} is the number of cores
 * @param reload          {@code reload}, default {@code off}
 * @param watch           {@code watch}, default none: more files or directories whose change triggers a
 *                        reload (with {@code reload = dev}); relative to the deployment file's directory
 * @param classpath       {@code classpath}, default none: jars and directories added to the workers'
 *                        class path, separated by spaces or {@code :}; relative to the deployment
 *                        file's directory
 * @param jvmArgs         {@code jvm_args}, default none: more JVM options for workers, split on spaces
 * @param startupTimeout  {@code startup_timeout}, default 60s: a worker not ready by then failed to start
 * @param gracefulTimeout {@code graceful_timeout}, default 30s: how long a draining worker may take
 * @param deadman         {@code deadman}, default 30s: a worker silent this long gets a thread dump
 *                        and is killed and replaced
 * @param maxRequests     {@code max_requests}, default 0 (never): a worker that has served this many
 *                        requests, plus a jitter of up to a tenth, is recycled
 * @param maxAge          {@code max_age}, default 0 (never): a worker this old is recycled
 * @param maxMemory       {@code max_memory}, default 0 (never): a worker whose resident memory passes
 *                        this size is recycled
 * @param control         {@code control}, default {@code spawn.sock} next to the deployment file: the
 *                        control socket of {@code spawn ctl}
 * @param listen          the address settings ({@code host}, {@code port}, {@code backlog}, {@code bind})
 *                        the controller binds once
 */
public record ControllerSettings(int processes, Reload reload, List<Path> watch, List<Path> classpath,
        List<String> jvmArgs, Duration startupTimeout, Duration gracefulTimeout, Duration deadman, long maxRequests,
        Duration maxAge, ByteSize maxMemory, Path control, ServerSettings listen) {

    /** The {@code reload} setting. */
    public enum Reload {
        /** No reload but by signal or {@code spawn ctl reload}. */
        OFF,
        /** Also when the workers' class path, a watched file or the deployment file changes. */
        DEV,
        /**
         * Also when the revision of the git or svn checkout holding the {@code watch} entries (or
         * the deployment file) changes, once the build output on the workers' class path is stable.
         */
        REVISION
    }

    /** Copies the lists. */
    public ControllerSettings {
        watch = List.copyOf(watch);
        classpath = List.copyOf(classpath);
        jvmArgs = List.copyOf(jvmArgs);
    }

    /**
     * Reads the settings of server section {@code serverName} as its factory would receive them
     * (with the deployment's server-setting overrides).
     *
     * @param deployment the deployment
     * @param serverName the server section's name, such as {@code main}
     * @return the settings
     * @throws ControllerException naming every bad value of the section
     * @throws dev.spawning.core.DeploymentException when the section cannot be resolved
     */
    public static ControllerSettings of(Deployment deployment, String serverName) {
        Context context = deployment.context(Kind.SERVER, serverName);
        Path here = Path.of(context.globalConf().get("here", "."));
        return from(context.localConf(), here);
    }

    /**
     * Reads the settings of a server section's local conf.
     *
     * @param local the section's local conf
     * @param here  the directory relative paths start from
     * @return the settings
     * @throws ControllerException naming every bad value of the section
     */
    public static ControllerSettings from(Settings local, Path here) {
        List<FactoryException.Issue> issues = new ArrayList<>();
        int processes = read(issues, () -> processes(local), 1);
        Reload reload = read(issues, () -> reload(local), Reload.OFF);
        Duration startup = read(issues, () -> positive(local, "startup_timeout", Duration.ofSeconds(60)), Duration.ZERO);
        Duration graceful = read(issues, () -> local.duration("graceful_timeout", Duration.ofSeconds(30)), Duration.ZERO);
        Duration deadman = read(issues, () -> positive(local, "deadman", Duration.ofSeconds(30)), Duration.ZERO);
        ServerSettings listen = read(issues, () -> ServerSettings.from(local), ServerSettings.DEFAULTS);
        int maxRequests = read(issues, () -> local.integer("max_requests", 0, 0, Integer.MAX_VALUE), 0);
        Duration maxAge = read(issues, () -> local.duration("max_age", Duration.ZERO), Duration.ZERO);
        ByteSize maxMemory = read(issues, () -> local.size("max_memory", ByteSize.ofBytes(0)), ByteSize.ofBytes(0));
        if (!issues.isEmpty()) {
            throw new ControllerException(String.join("\n", issues.stream().map(FactoryException.Issue::text).toList()));
        }
        Path control = here.resolve(local.get("control", "spawn.sock")).toAbsolutePath().normalize();
        return new ControllerSettings(processes, reload, paths(local, "watch", here), paths(local, "classpath", here),
                local.list("jvm_args"), startup, graceful, deadman, maxRequests, maxAge, maxMemory, control, listen);
    }

    /** {@return whether {@code spawn serve} runs the controller: more than one process, or reloading} */
    public boolean usesController() {
        return processes > 1 || reload != Reload.OFF;
    }

    private static <T> T read(List<FactoryException.Issue> issues, Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (FactoryException bad) {
            issues.addAll(bad.issues());
            return fallback;
        }
    }

    private static int processes(Settings local) {
        if (local.get("processes", "").strip().equalsIgnoreCase("auto")) {
            return Runtime.getRuntime().availableProcessors();
        }
        return local.value("processes", 1, "auto or a number of processes from 1 to 1024", text -> {
            int n = Integer.parseInt(text.strip());
            return n >= 1 && n <= 1024 ? n : null;
        });
    }

    private static Reload reload(Settings local) {
        String value = local.get("reload", "off").strip().toLowerCase(Locale.ROOT);
        return local.value("reload", Reload.OFF, "off, dev or revision", text -> switch (value) {
            case "off" -> Reload.OFF;
            case "dev" -> Reload.DEV;
            case "revision" -> Reload.REVISION;
            default -> null;
        });
    }

    private static Duration positive(Settings local, String key, Duration defaultValue) {
        Duration value = local.duration(key, defaultValue);
        if (value.isZero()) {
            throw local.invalid(key, "a duration longer than 0, such as 30s");
        }
        return value;
    }

    /** Entries separated by spaces, line breaks or the path separator ({@code :}). */
    private static List<Path> paths(Settings local, String key, Path here) {
        return local.list(key).stream()
                .flatMap(word -> java.util.Arrays.stream(word.split(java.io.File.pathSeparator)))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> here.resolve(entry).toAbsolutePath().normalize()).toList();
    }
}
