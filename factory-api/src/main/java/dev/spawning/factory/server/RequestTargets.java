package dev.spawning.factory.server;

/**
 * The request target (RFC 9112 section 3.2) and the {@code Host} field (RFC 9110 section 7.2),
 * checked against RFC 3986: only the characters it allows where it allows them, {@code %} with two
 * hex digits, and each of the four target forms only where it belongs: origin form ({@code /p?q})
 * and absolute form ({@code http://h/p}) for every method, authority form ({@code host:port}) for
 * CONNECT alone, asterisk ({@code *}) for OPTIONS alone. Stateless.
 */
final class RequestTargets {

    private static final int MAX_PORT = 65535;

    private RequestTargets() {
    }

    /** Whether {@code target}, as sent, is a target {@code method} may use. */
    static boolean allowed(String method, String target) {
        if (!characters(target, 0, target.length())) {
            return false;
        }
        if (method.equals("CONNECT")) {
            return authority(target, 0, target.length(), true);
        }
        if (target.charAt(0) == '/') {
            return noBrackets(target, 0, target.length());
        }
        if (target.equals("*")) {
            return method.equals("OPTIONS");
        }
        return absolute(target);
    }

    /**
     * Whether a {@code Host} value (trimmed) is {@code uri-host [ ":" port ]}: a non-empty host,
     * no list, no user info, no path, no whitespace, a port of at most 65535.
     */
    static boolean hostField(String value) {
        return !value.isEmpty() && characters(value, 0, value.length()) && value.indexOf(',') < 0
                && hostPort(value, 0, value.length(), false);
    }

    /** Every byte one RFC 3986 allows in a target, and each {@code %} followed by two hex digits. */
    private static boolean characters(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c > 0xff || !Syntax.target(c)) {
                return false;
            }
            if (c == '%' && (i + 2 >= to || Syntax.hexDigit(text.charAt(i + 1)) < 0
                    || Syntax.hexDigit(text.charAt(i + 2)) < 0)) {
                return false;
            }
        }
        return true;
    }

    /** Brackets belong to an IP literal only: never in a path or a query. */
    private static boolean noBrackets(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '[' || c == ']') {
                return false;
            }
        }
        return true;
    }

    /** {@code scheme "://" authority [ path-abempty ] [ "?" query ]}. */
    private static boolean absolute(String target) {
        int colon = target.indexOf("://");
        if (colon < 1 || !asciiLetter(target.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = target.charAt(i);
            if (!(asciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        int start = colon + 3;
        int end = start;
        while (end < target.length() && target.charAt(end) != '/' && target.charAt(end) != '?') {
            end++;
        }
        return authority(target, start, end, false) && noBrackets(target, end, target.length());
    }

    /**
     * {@code [ userinfo "@" ] host [ ":" port ]}; authority form (CONNECT) requires the port and
     * allows no user info.
     */
    private static boolean authority(String text, int from, int to, boolean connect) {
        int at = text.lastIndexOf('@', to - 1);
        if (at >= from) {
            if (connect || !userinfo(text, from, at)) {
                return false;
            }
            from = at + 1;
        }
        return hostPort(text, from, to, connect);
    }

    private static boolean userinfo(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(Syntax.regName(c) || c == ':' || c == '%')) {
                return false;
            }
        }
        return true;
    }

    /** {@code host [ ":" port ]}, the host an IP literal in brackets or a non-empty registered name. */
    private static boolean hostPort(String text, int from, int to, boolean portRequired) {
        int hostEnd;
        if (from < to && text.charAt(from) == '[') {
            int close = text.indexOf(']', from);
            if (close < 0 || close >= to || !ipLiteral(text, from + 1, close)) {
                return false;
            }
            hostEnd = close + 1;
        } else {
            int colon = text.lastIndexOf(':', to - 1);
            hostEnd = colon >= from ? colon : to;
            if (hostEnd == from || !regName(text, from, hostEnd)) {
                return false;
            }
        }
        if (hostEnd == to) {
            return !portRequired;
        }
        return text.charAt(hostEnd) == ':' && port(text, hostEnd + 1, to);
    }

    private static boolean ipLiteral(String text, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(Syntax.hexDigit(c) >= 0 || c == ':' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean regName(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!Syntax.regName(c) && c != '%') {
                return false;
            }
        }
        return true;
    }

    /** One to five digits, at most 65535. */
    private static boolean port(String text, int from, int to) {
        if (from == to || to - from > 5) {
            return false;
        }
        int port = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= MAX_PORT;
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
