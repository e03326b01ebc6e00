package dev.spawning.core.builtin;

import dev.spawning.factory.App;
import dev.spawning.factory.CompositeFactory;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Loader;
import dev.spawning.factory.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code use = service:urlmap}: every local key is a path expression ({@code /}, {@code /api},
 * {@code domain example.com port 8080 /x}) whose value names an app; {@code not_found_app} names
 * the app for unmatched requests.
 */
@FactoryProvider(name = "urlmap", description = "Dispatches to apps by host and path prefix (Paste's urlmap)")
public final class UrlMapFactory implements CompositeFactory {

    /** Public because ServiceLoader needs it. */
    public UrlMapFactory() {
    }

    @Override
    public App create(Loader loader, Settings global, Settings local) {
        String notFoundName = local.get("not_found_app").orElse(global.get("not_found_app", null));
        Map<PathExpression, String> paths = paths(local);
        if (paths.isEmpty() && (notFoundName == null || notFoundName.isBlank())) {
            throw new FactoryException(Problems.at(local, null,
                    "maps no path: add settings such as '/ = home' or '/api = api'"));
        }
        App notFound = notFoundName == null || notFoundName.isBlank() ? null : loader.app(notFoundName, global);
        List<UrlMap.Entry> entries = new ArrayList<>();
        paths.forEach((where, key) -> entries.add(new UrlMap.Entry(where, loader.app(local.require(key), global))));
        return new UrlMap(entries, notFound);
    }

    /**
     * Every path expression with its key, in file order. All keys are checked before any app is
     * loaded, and every bad key is reported at once, one line each, as the loader reports problems.
     * Two keys for one normalised path are an error where Paste keeps the last silently.
     */
    private static Map<PathExpression, String> paths(Settings local) {
        Map<PathExpression, String> paths = new LinkedHashMap<>();
        Problems problems = new Problems();
        for (String key : local.keys()) {
            if (key.equals("not_found_app")) {
                continue;
            }
            PathExpression where = problems.read(() -> PathExpression.parse(local, key));
            String earlier = where == null ? null : paths.putIfAbsent(where, key);
            if (earlier != null) {
                problems.add(PathExpression.invalid(local, key,
                        "maps the same path as '" + earlier + "'; remove one of them"));
            }
        }
        problems.throwIfAny();
        return paths;
    }
}
