package dev.spawning.coroutine;

/**
 * The four forms of request target of RFC 9112 section 3.2, each allowed only where it belongs:
 * origin form ({@code /p?q}) for every method, absolute form ({@code http://h/p}) for every method,
 * authority form ({@code host:port}) for CONNECT only, asterisk ({@code *}) for OPTIONS only.
 */
final class TargetForms {

    private TargetForms() {
    }

    /** Whether {@code target} has a form {@code method} may use. */
    static boolean allowed(String method, String target) {
        if (method.equals("CONNECT")) {
            return authority(target, true);
        }
        if (target.charAt(0) == '/') {
            return true;
        }
        if (target.equals("*")) {
            return method.equals("OPTIONS");
        }
        return absolute(target);
    }

    /** {@code scheme "://" authority [ "/" ... ]}, with a scheme of letters, digits, + - . */
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
        while (end < target.length() && "/?#".indexOf(target.charAt(end)) < 0) {
            end++;
        }
        return authority(target.substring(start, end), false);
    }

    /**
     * {@code [userinfo "@"] host [":" port]}; a port is required in authority form. A host is an
     * IP literal in brackets or a registered name.
     */
    private static boolean authority(String text, boolean portRequired) {
        int at = text.lastIndexOf('@');
        if (at >= 0 && (portRequired || !regName(text.substring(0, at)))) {
            return false;
        }
        String hostPort = text.substring(at + 1);
        int portColon = hostPort.startsWith("[") ? hostPort.indexOf("]:") + 1 : hostPort.lastIndexOf(':');
        String host = portColon > 0 ? hostPort.substring(0, portColon) : hostPort;
        String port = portColon > 0 ? hostPort.substring(portColon + 1) : null;
        if (port == null ? portRequired : !digits(port)) {
            return false;
        }
        return host.startsWith("[") ? ipLiteral(host) : !host.isEmpty() && regName(host) && host.indexOf(':') < 0;
    }

    private static boolean ipLiteral(String host) {
        if (host.length() < 3 || !host.endsWith("]")) {
            return false;
        }
        for (int i = 1; i < host.length() - 1; i++) {
            char c = host.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean regName(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Syntax.regName(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean digits(String text) {
        if (text.isEmpty() || text.length() > 5) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
