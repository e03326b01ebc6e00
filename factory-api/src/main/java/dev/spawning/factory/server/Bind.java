package dev.spawning.factory.server;

import dev.spawning.factory.Settings;
import java.net.InetSocketAddress;
import java.util.Optional;

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
        Optional<InetSocketAddress> address = address(value);
        return address == null ? null : new Bind(address.get().getHostString(), address.get().getPort(), false);
    }

    /**
     * {@return {@code HOST:PORT} or {@code [IPv6]:PORT} as an unresolved address; {@code null}
     * (not empty) when the text is not one, for {@link Settings#value}'s parser}
     */
    static Optional<InetSocketAddress> address(String text) {
        String value = text.strip();
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
                ? null : Optional.of(InetSocketAddress.createUnresolved(host, port));
    }
}
