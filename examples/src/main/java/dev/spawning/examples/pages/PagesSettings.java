package dev.spawning.examples.pages;

import dev.spawning.factory.ByteSize;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The settings of one pages app, read and checked when the app is built (see
 * {@link PagesAppFactory} for the table). Every bad value is reported at once.
 *
 * @param templates   the templates directory
 * @param store       the data directory, opened
 * @param routes      which template renders which path
 * @param contentType the {@code Content-Type} of a rendered page
 * @param maxBody     the largest PUT body accepted
 */
record PagesSettings(Templates templates, PageStore store, Routes routes, String contentType, ByteSize maxBody) {

    static final String DEFAULT_CONTENT_TYPE = "text/html; charset=utf-8";
    static final ByteSize DEFAULT_MAX_BODY = ByteSize.ofBytes(1024 * 1024);

    static PagesSettings from(Settings global, Settings local) {
        List<FactoryException.Issue> issues = new ArrayList<>();
        Path here = Path.of(global.get("here", "."));
        Templates templates = read(issues, () -> new Templates(templatesDirectory(local, here)));
        PageStore store = read(issues, () -> store(local, here));
        Routes routes = read(issues, () -> routes(local, templates, issues));
        String contentType = read(issues, () -> contentType(local));
        ByteSize maxBody = read(issues, () -> local.size("max_body", DEFAULT_MAX_BODY));
        if (!issues.isEmpty()) {
            throw new FactoryException(issues);
        }
        return new PagesSettings(templates, store, routes, contentType, maxBody);
    }

    private static Path templatesDirectory(Settings local, Path here) {
        Path directory = path(local, "templates", here);
        if (!Files.isDirectory(directory)) {
            throw local.invalid("templates", "a directory of NAME.mustache files (" + directory + " is none)");
        }
        return directory;
    }

    private static PageStore store(Settings local, Path here) {
        Path directory = path(local, "data_dir", here);
        try {
            return new PageStore(directory);
        } catch (IOException | SecurityException failed) {
            throw local.invalid("data_dir", "a directory this process can create and write ("
                    + failed.getClass().getSimpleName() + ": " + failed.getMessage() + ")");
        }
    }

    /** A path setting; relative to the deployment file's directory ({@code here}). */
    private static Path path(Settings local, String key, Path here) {
        String value = local.require(key);
        try {
            return here.resolve(value.strip()).normalize();
        } catch (InvalidPathException bad) {
            throw local.invalid(key, "a path");
        }
    }

    private static Routes routes(Settings local, Templates templates, List<FactoryException.Issue> issues) {
        String value = local.require("urls");
        List<Routes.Problem> problems = new ArrayList<>();
        Routes routes = Routes.parse(value, problems);
        if (problems.isEmpty() && routes.routes().isEmpty()) {
            throw local.invalid("urls", "lines PATTERN = TEMPLATE, such as " + Routes.EXAMPLE);
        }
        if (templates != null) {
            for (Routes.Route route : routes.routes()) {
                try {
                    templates.compile(route.template());
                } catch (Templates.TemplateException bad) {
                    problems.add(new Routes.Problem(route.line(), "a template file of " + templates.directory()
                            + " that exists and compiles (" + bad.getMessage() + ")"));
                }
            }
        }
        for (Routes.Problem problem : problems) {
            issues.add(new FactoryException.Issue("urls has the line '" + problem.line() + "': expected "
                    + problem.expected(), local.origin("urls").orElse(null), section(local), "urls"));
        }
        return routes;
    }

    private static String contentType(Settings local) {
        String value = local.get("content_type", DEFAULT_CONTENT_TYPE);
        String type = HttpFields.mediaType(value);
        int slash = type.indexOf('/');
        if (slash <= 0 || slash == type.length() - 1 || type.indexOf('/', slash + 1) >= 0 || type.contains("*")) {
            throw local.invalid("content_type", "a media type such as " + DEFAULT_CONTENT_TYPE);
        }
        return value.strip();
    }

    private static String section(Settings local) {
        return local.section().isEmpty() ? null : local.section();
    }

    /** Runs one reading; a bad value becomes issues, and the reading gives {@code null}. */
    private static <T> T read(List<FactoryException.Issue> issues, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (FactoryException bad) {
            issues.addAll(bad.issues());
            return null;
        }
    }
}
