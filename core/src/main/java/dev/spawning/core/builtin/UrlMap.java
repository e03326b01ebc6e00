package dev.spawning.core.builtin;

import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Dispatches on host and path prefix, as Paste's {@code URLMap}: entries with a domain first (those
 * with a port before host-only ones), then the longest path first; the matched prefix moves from
 * {@code pathInfo} to {@code scriptName}. Immutable and thread-safe.
 */
final class UrlMap implements App {

    /** One mapping. */
    record Entry(PathExpression where, App app) {
    }

    private static final Comparator<Entry> ORDER = Comparator
            .comparing((Entry e) -> e.where().domain() == null)
            .thenComparing(e -> !e.where().hasPort())
            .thenComparing(e -> e.where().domain() == null ? "" : e.where().domain())
            .thenComparing(e -> -e.where().path().length());

    private final List<Entry> entries;
    private final App notFound;

    UrlMap(List<Entry> entries, App notFound) {
        this.entries = entries.stream().sorted(ORDER).toList();
        this.notFound = notFound != null ? notFound : new NotFound(this.entries);
    }

    List<Entry> entries() {
        return entries;
    }

    @Override
    public Response handle(Request request) throws Exception {
        String host = request.header("Host").orElse("").toLowerCase(Locale.ROOT);
        String hostAndPort = PathExpression.portColon(host) >= 0 ? host
                : host + ":" + (request.scheme().equals("https") ? "443" : "80");
        String hostOnly = hostAndPort.substring(0, PathExpression.portColon(hostAndPort));
        String pathInfo = PathExpression.normalise(request.pathInfo());
        for (Entry entry : entries) {
            String domain = entry.where().domain();
            String prefix = entry.where().path();
            boolean hostMatches = domain == null || domain.equals(hostOnly) || domain.equals(hostAndPort);
            if (hostMatches && (pathInfo.equals(prefix) || pathInfo.startsWith(prefix + "/"))) {
                return entry.app().handle(request.withPath(request.scriptName() + prefix,
                        pathInfo.substring(prefix.length())));
            }
        }
        return notFound.handle(request);
    }
}
