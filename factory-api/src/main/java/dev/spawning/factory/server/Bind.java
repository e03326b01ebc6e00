package dev.spawning.factory.server;

import dev.spawning.factory.Settings;

/**
 * The {@code bind} setting, Gunicorn's way of saying where to listen: {@code fd://0}, the listening
 * socket inherited as standard input, or {@code HOST:PORT} ({@code [IPv6]:PORT}), which stands for
 * {@code host} and {@code port} and so cannot be given with them.
 *
 * @param host      the host of {@code HOST:PORT}; {@code null} otherwise
 * @param port      the port of {@code HOST:PORT}; -1 otherwise
 * @param inherited whether the value is {@code fd://0}
 */
record Bind(String host, int port, boolean inherited) {

    /** No {@code bind}: {@code host} and {@code port} say where. */
    static final Bind NONE = new Bind(null, -1, false);

    private static final String EXPECTED = "fd://0 (the listening socket inherited as standard input) "
            + "or HOST:PORT";

    static Bind of(Settings local) {
        if (!local.contains("bind")) {
            return NONE;
        }
        if (local.contains("host") || local.contains("port")) {
            throw local.invalid("bind", "either bind or host and port, not both");
        }
        return local.value("bind", NONE, EXPECTED, Bind::parse);
    }

    private static Bind parse(String text) {
        String value = text.strip();
        if (value.startsWith("fd://")) {
            // Java serves no inherited descriptor but standard input (System.inheritedChannel).
            return value.equals("fd://0") ? new Bind(null, -1, true) : null;
        }
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            return null;
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            return null;
        }
        int port = Integer.parseInt(value.substring(colon + 1));
        return host.isEmpty() || host.chars().anyMatch(Character::isWhitespace) || port < 0 || port > 65535
                ? null : new Bind(host, port, false);
    }
}
