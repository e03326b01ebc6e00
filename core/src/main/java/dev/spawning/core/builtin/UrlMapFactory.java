package dev.spawning.core.builtin;

import dev.spawning.factory.App;
import dev.spawning.factory.CompositeFactory;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Loader;
import dev.spawning.factory.Settings;
import java.util.ArrayList;
import java.util.HashMap;
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
        App notFound = notFoundName == null || notFoundName.isBlank() ? null : loader.app(notFoundName, global);
        List<UrlMap.Entry> entries = new ArrayList<>();
        Map<PathExpression, String> seen = new HashMap<>();
        for (String key : local.keys()) {
            if (key.equals("not_found_app")) {
                continue;
            }
            PathExpression where = PathExpression.parse(local, key);
            String earlier = seen.putIfAbsent(where, key);
            if (earlier != null) {
                throw local.invalid(key, "a path not mapped already ('" + earlier + "' maps the same path)");
            }
            entries.add(new UrlMap.Entry(where, loader.app(local.require(key), global)));
        }
        if (entries.isEmpty() && notFound == null) {
            throw new FactoryException(local.sectionOrigin().map(o -> o.errorPrefix()).orElse("")
                    + "[" + local.section() + "] maps no path: add settings such as '/ = home' or '/api = api'");
        }
        return new UrlMap(entries, notFound);
    }
}
