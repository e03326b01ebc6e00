package dev.spawning.core.builtin;

import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Settings;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;

/**
 * A urlmap key: {@code /path}, {@code http://host[:port]/path}, or Paste's grammar
 * {@code domain HOST [port N] [/path]}, normalised ({@code //} runs collapsed, the trailing
 * {@code /} removed, so {@code /} is the catch-all {@code ""}).
 *
 * @param domain host or host:port, lower case; null for any host
 * @param path   the normalised path prefix
 */
record PathExpression(String domain, String path) {

    /** Parses one key of a urlmap section; the error names the key as written. */
    static PathExpression parse(Settings local, String key) {
        String url;
        try {
            url = expand(key);
        } catch (IllegalArgumentException e) {
            throw invalid(local, key, e.getMessage());
        }
        String domain = null;
        String path = url;
        int scheme = schemeLength(url);
        if (scheme > 0) {
            String rest = url.substring(scheme);
            int slash = rest.indexOf('/');
            domain = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
            path = slash < 0 ? "" : rest.substring(slash);
        } else if (!url.isEmpty() && !url.startsWith("/")) {
            throw invalid(local, key, "a path must start with / or http:// or https://");
        }
        return new PathExpression(domain, normalise(path).replaceAll("/+$", ""));
    }

    /** {@code //} runs collapsed to {@code /}. */
    static String normalise(String path) {
        return path.replaceAll("//+", "/");
    }

    boolean hasPort() {
        return domain != null && domain.contains(":");
    }

    private static String expand(String expression) {
        Deque<String> parts = new ArrayDeque<>(Arrays.asList(expression.trim().split("\\s+")));
        String domain = null;
        String port = null;
        String path = null;
        while (!parts.isEmpty() && !parts.peek().isEmpty()) {
            String part = parts.pop();
            if (part.equals("domain")) {
                domain = operand(parts, domain, "domain", "a domain name");
            } else if (part.equals("port")) {
                port = operand(parts, port, "port", "a port number");
            } else if (path != null) {
                throw new IllegalArgumentException("more than one path given (have '" + path + "', got '" + part + "')");
            } else {
                path = part;
            }
        }
        if (port != null && domain == null) {
            throw new IllegalArgumentException("If you give a port, you must also give a domain");
        }
        if (domain == null) {
            return path == null ? "" : path;
        }
        String url = "http://" + domain + (port == null ? "" : ":" + port);
        return path == null ? url : url + (path.startsWith("/") ? "" : "/") + path;
    }

    private static String operand(Deque<String> parts, String previous, String word, String what) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("'" + word + "' must be followed with " + what);
        }
        if (previous != null) {
            throw new IllegalArgumentException("'" + word + "' given twice");
        }
        return parts.pop();
    }

    private static int schemeLength(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : 0;
    }

    private static FactoryException invalid(Settings local, String key, String problem) {
        String prefix = local.origin(key).map(o -> o.errorPrefix()).orElse("");
        String section = local.section().isEmpty() ? "" : "[" + local.section() + "] ";
        return new FactoryException(prefix + section + "path expression '" + key + "': " + problem);
    }
}
