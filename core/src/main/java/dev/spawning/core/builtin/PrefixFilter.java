package dev.spawning.core.builtin;

import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Paste's {@code PrefixMiddleware}: the app is mounted at {@code prefix} behind a proxy. The
 * prefix becomes the script name and leaves the path; the {@code X-Forwarded-*} headers become the
 * host, the remote address and the scheme. Unlike Paste's, the prefix only matches whole path
 * segments ({@code /app} does not eat the start of {@code /apple}). Immutable.
 */
final class PrefixFilter implements App {

    /** The settings, as the factory read them; {@code forcePort} null when not set. */
    record Options(String prefix, boolean translateForwardedServer, String forcePort, String scheme) {
    }

    private final App next;
    private final Options options;

    PrefixFilter(App next, Options options) {
        this.next = next;
        this.options = options;
    }

    @Override
    public Response handle(Request request) throws Exception {
        Request.Builder changed = request.toBuilder();
        String path = request.pathInfo();
        String prefix = options.prefix();
        if (path.equals(prefix) || path.startsWith(prefix + "/")) {
            path = path.substring(prefix.length());
        }
        changed.scriptName(prefix).pathInfo(path.isEmpty() ? "/" : path);
        if (options.translateForwardedServer()) {
            translateForwarded(request, changed);
        }
        if (options.forcePort() != null) {
            String host = changed.build().header("Host").orElse("").split(":", 2)[0];
            changed.headers(changed.build().headers().toBuilder()
                    .set("Host", options.forcePort().isEmpty() ? host : host + ":" + options.forcePort()).build());
        }
        if (options.scheme() != null) {
            changed.scheme(options.scheme());
        }
        return next.handle(changed.build());
    }

    private static void translateForwarded(Request request, Request.Builder changed) {
        var headers = request.headers().toBuilder();
        first(request, "X-Forwarded-Server").ifPresent(server -> headers.set("Host", server));
        first(request, "X-Forwarded-Host").ifPresent(host -> headers.set("Host", host));
        first(request, "X-Forwarded-For").ifPresent(address ->
                changed.remoteAddress(InetSocketAddress.createUnresolved(address, 0)));
        request.header("X-Forwarded-Scheme").or(() -> request.header("X-Forwarded-Proto"))
                .ifPresent(scheme -> changed.scheme(scheme.strip()));
        for (String name : List.of("X-Forwarded-Server", "X-Forwarded-Host", "X-Forwarded-For",
                "X-Forwarded-Scheme", "X-Forwarded-Proto")) {
            headers.remove(name);
        }
        changed.headers(headers.build());
    }

    private static java.util.Optional<String> first(Request request, String name) {
        return request.header(name).map(value -> value.split(",", 2)[0].strip());
    }
}
