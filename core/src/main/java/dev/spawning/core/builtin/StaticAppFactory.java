package dev.spawning.core.builtin;

import dev.spawning.factory.App;
import dev.spawning.factory.AppFactory;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code use = service:static} (or {@code egg:Paste#static}): serves the files under
 * {@code directory} (Paste's {@code document_root} is accepted under that name too), which must
 * be an existing directory when the file is loaded; a relative path is resolved against
 * {@code here}, the deployment file's directory. {@code cache_max_age} (seconds, none by default)
 * adds {@code Cache-Control: max-age=N}. See {@link StaticApp} for what it answers.
 */
@FactoryProvider(name = "static", description = "Serves the files of a directory (Paste's static app)")
public final class StaticAppFactory implements AppFactory {

    private static final String DIRECTORY = "directory";
    private static final String DOCUMENT_ROOT = "document_root";
    private static final List<String> KNOWN = List.of(DIRECTORY, DOCUMENT_ROOT, "cache_max_age");

    /** Public because ServiceLoader needs it. */
    public StaticAppFactory() {
    }

    @Override
    public App create(Settings global, Settings local) {
        Problems problems = new Problems();
        checkKeys(local, problems);
        DocumentRoot root = problems.read(() -> root(global, local));
        Integer cacheMaxAge = local.contains("cache_max_age")
                ? problems.read(() -> local.integer("cache_max_age", 0, 0, Integer.MAX_VALUE))
                : null;
        problems.throwIfAny();
        return new StaticApp(root, cacheMaxAge);
    }

    private static void checkKeys(Settings local, Problems problems) {
        for (String key : local.keys()) {
            if (!KNOWN.contains(key)) {
                problems.add(local, key, key
                        + " is not a setting of the static app (it has " + String.join(", ", KNOWN) + ")");
            }
        }
        if (local.contains(DIRECTORY) && local.contains(DOCUMENT_ROOT)) {
            problems.add(local, DOCUMENT_ROOT, "document_root is Paste's name for directory; set only one of them");
        }
    }

    /** The directory as its real path; an error naming the key and its value when it is none. */
    private static DocumentRoot root(Settings global, Settings local) {
        String key = local.contains(DIRECTORY) || !local.contains(DOCUMENT_ROOT) ? DIRECTORY : DOCUMENT_ROOT;
        String value = local.require(key);
        Path directory;
        try {
            directory = value.isBlank() ? null : base(global).resolve(value.strip());
        } catch (InvalidPathException bad) {
            directory = null;
        }
        if (directory == null) {
            throw local.invalid(key, "the path of a directory");
        }
        if (!Files.exists(directory)) {
            throw local.invalid(key, "an existing directory; there is nothing at " + directory);
        }
        if (!Files.isDirectory(directory)) {
            throw local.invalid(key, "a directory; " + directory + " is not one");
        }
        try {
            return new DocumentRoot(directory.toRealPath());
        } catch (IOException unreadable) {
            throw local.invalid(key, "a directory this process can read; " + unreadable);
        }
    }

    /** Where a relative {@code directory} starts: {@code here}, else the working directory. */
    private static Path base(Settings global) {
        return global.get("here").map(Path::of).orElse(Path.of("")).toAbsolutePath();
    }
}
