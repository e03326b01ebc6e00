package dev.spawning.core.builtin;

import dev.spawning.factory.App;
import dev.spawning.factory.Headers;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Paste's {@code PrefixMiddleware}: the app is mounted at {@code prefix} behind a proxy. The
 * prefix becomes the script name (replacing any earlier one, as in Paste) and leaves the path; the
 * {@code X-Forwarded-*} headers become the host, the remote address and the scheme, and are
 * removed. Unlike Paste's, the prefix only matches whole path segments ({@code /app} does not eat
 * the start of {@code /apple}), and a bracketed IPv6 host keeps its brackets when its port is
 * forced. Immutable.
 */
final class PrefixFilter implements App {

    /**
     * The settings, as the factory read them.
     *
     * @param prefix    without a trailing {@code /}; {@code ""} for none
     * @param forcePort the port to put in {@code Host}, {@code ""} to remove it, null to leave it
     * @param scheme    the scheme to force; null to keep the request's
     */
    record Options(String prefix, boolean translateForwardedServer, String forcePort, String scheme) {
    }

    private static final List<String> FORWARDED = List.of("X-Forwarded-Server", "X-Forwarded-Host",
            "X-Forwarded-For", "X-Forwarded-Scheme", "X-Forwarded-Proto");

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
        Headers.Builder headers = request.headers().toBuilder();
        if (options.translateForwardedServer()) {
            translateForwarded(request, changed, headers);
        }
        if (options.forcePort() != null) {
            headers.set("Host", withPort(headers.build().first("Host").orElse(""), options.forcePort()));
        }
        if (options.scheme() != null) {
            changed.scheme(options.scheme());
        }
        return next.handle(changed.headers(headers.build()).build());
    }

    /** As Paste: the first of comma-separated values; X-Forwarded-Host beats X-Forwarded-Server. */
    private static void translateForwarded(Request request, Request.Builder changed, Headers.Builder headers) {
        first(request, "X-Forwarded-Server").ifPresent(server -> headers.set("Host", server));
        first(request, "X-Forwarded-Host").ifPresent(host -> headers.set("Host", host));
        first(request, "X-Forwarded-For").ifPresent(address ->
                changed.remoteAddress(InetSocketAddress.createUnresolved(address, 0)));
        request.header("X-Forwarded-Scheme").or(() -> request.header("X-Forwarded-Proto"))
                .ifPresent(scheme -> changed.scheme(scheme.strip()));
        FORWARDED.forEach(headers::remove);
    }

    private static Optional<String> first(Request request, String name) {
        return request.header(name).map(value -> value.split(",", 2)[0].strip());
    }

    /** {@code host:port}, or the bare host when {@code port} is empty; {@code [::1]} stays whole. */
    private static String withPort(String hostHeader, String port) {
        int colon = PathExpression.portColon(hostHeader);
        String host = colon < 0 ? hostHeader : hostHeader.substring(0, colon);
        return port.isEmpty() ? host : host + ":" + port;
    }
}
