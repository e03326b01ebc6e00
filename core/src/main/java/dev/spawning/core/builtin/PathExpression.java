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
        try {
            return fromUrl(expand(key));
        } catch (IllegalArgumentException e) {
            throw invalid(local, key, e.getMessage());
        }
    }

    private static PathExpression fromUrl(String url) {
        int scheme = schemeLength(url);
        if (scheme == 0) {
            if (!url.isEmpty() && !url.startsWith("/")) {
                throw new IllegalArgumentException("a path must start with / or http:// or https://");
            }
            return new PathExpression(null, trim(url));
        }
        String rest = url.substring(scheme);
        int slash = rest.indexOf('/');
        String domain = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
        checkDomain(domain);
        return new PathExpression(domain, slash < 0 ? "" : trim(rest.substring(slash)));
    }

    /**
     * Paste takes any text as host and port; an entry that no Host header can ever match is
     * refused here instead, when the file is loaded.
     */
    private static void checkDomain(String domain) {
        int colon = portColon(domain);
        if (colon == 0 || domain.isEmpty()) {
            throw new IllegalArgumentException("no host after http:// or https://");
        }
        if (colon > 0 && !isPort(domain.substring(colon + 1))) {
            throw new IllegalArgumentException("the port must be a number from 1 to 65535, not '"
                    + domain.substring(colon + 1) + "'");
        }
    }

    /** Whether {@code text} is a TCP port number, 1 to 65535. */
    static boolean isPort(String text) {
        return text.matches("\\d{1,5}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= 65535;
    }

    /**
     * The index of the colon before the port of {@code host[:port]}, or -1; a colon inside an IPv6
     * literal such as {@code [::1]} is not one.
     */
    static int portColon(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        return colon > hostAndPort.lastIndexOf(']') ? colon : -1;
    }

    private static String trim(String path) {
        return normalise(path).replaceAll("/+$", "");
    }

    /** {@code //} runs collapsed to {@code /}. */
    static String normalise(String path) {
        return path.replaceAll("//+", "/");
    }

    /** Whether the domain names a port; the colons of an IPv6 literal such as {@code [::1]} do not. */
    boolean hasPort() {
        return domain != null && portColon(domain) >= 0;
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

    /** {@code Error in file F: line N: [section] path expression 'KEY': PROBLEM}. */
    static FactoryException invalid(Settings local, String key, String problem) {
        return new FactoryException(Problems.at(local, key, "path expression '" + key + "': " + problem));
    }
}
