package dev.spawning.core;

import com.google.inject.Injector;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One load of a deployment: the injector that creates factories, the class loader and providers,
 * the files read so far (each parsed once), the warnings found, and, for {@code spawn describe},
 * the tree of what was built. Used by the loading thread; a composite that keeps its loader and
 * loads later may do so from another thread, so the shared parts are thread-safe.
 */
final class Session {

    private final Injector injector;
    private final ClassLoader classLoader;
    private final ProviderRegistry providers;
    private final Interpolation interpolation;
    private final Map<Path, ConfigFile> files = new ConcurrentHashMap<>();
    private final Set<Problem> warnings = new LinkedHashSet<>();
    private final Trace trace = new Trace();

    Session(Injector injector, ClassLoader classLoader, ProviderRegistry providers, Lookups lookups) {
        this.injector = injector;
        this.classLoader = classLoader;
        this.providers = providers;
        this.interpolation = new Interpolation(lookups);
    }

    Injector injector() {
        return injector;
    }

    ClassLoader classLoader() {
        return classLoader;
    }

    ProviderRegistry providers() {
        return providers;
    }

    Interpolation interpolation() {
        return interpolation;
    }

    Trace trace() {
        return trace;
    }

    /** A loader for {@code path}, with the globals passed in by whoever asked for it. */
    ConfigLoader loader(Path path, Conf passedIn, Ref ref) {
        return new ConfigLoader(this, file(path, ref), passedIn);
    }

    /** The parsed file, read once per session. */
    ConfigFile file(Path path, Ref ref) {
        ConfigFile cached = files.get(path);
        if (cached != null) {
            return cached;
        }
        ConfigFile parsed = parse(path, ref);
        files.put(path, parsed);
        return parsed;
    }

    synchronized void warn(Problem warning) {
        warnings.add(warning);
    }

    synchronized List<Problem> warnings() {
        return new ArrayList<>(warnings);
    }

    /** Reads a file as INI, or as YAML when its name ends in {@code .yaml} or {@code .yml}. */
    static ConfigFile parse(Path path, Ref ref) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DeploymentException(ref.origin() == null ? Problem.error(path, 0, "no such file")
                    : ref.optionProblem("no such file " + path));
        } catch (MalformedInputException e) {
            throw new DeploymentException(Problem.error(path, 0, "not UTF-8 text"));
        } catch (IOException e) {
            throw new DeploymentException(Problem.error(path, 0, "cannot read it: " + e.getMessage()), e);
        }
        return isYaml(path) ? YamlFormat.read(path, text) : IniReader.read(path, text);
    }

    static boolean isYaml(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
