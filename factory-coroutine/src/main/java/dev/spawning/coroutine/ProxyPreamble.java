package dev.spawning.coroutine;

import dev.spawning.factory.server.ProxyHeader;
import dev.spawning.factory.server.ProxySettings;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;

/**
 * The PROXY protocol header that begins every connection when {@code proxy_protocol} is on, read
 * before the request decoder sees any byte. A connection from a peer not in
 * {@code proxy_allow_ips}, or whose first bytes are no header or a malformed one, or that sends
 * no complete header within {@code header_timeout}, is refused: closed without an answer, since
 * the bytes that follow cannot be trusted to be HTTP (the undertow provider does the same).
 *
 * <p>Threading: called once per connection, on its virtual thread, before its first request.
 */
final class ProxyPreamble {

    private ProxyPreamble() {
    }

    /**
     * Reads the header from {@code in} and consumes it.
     *
     * @param peer          the connection's peer, the proxy
     * @param deadlineNanos when the whole header must have arrived (a {@link System#nanoTime} value)
     * @return the client the header names (or {@code peer} when it names none); null when the
     *         connection must be closed
     */
    static InetSocketAddress client(SocketInput in, InetSocketAddress peer, ProxySettings proxy, long deadlineNanos) {
        if (!proxy.allowIps().contains(peer)) {
            Service.LOG.log(Level.DEBUG, () -> "Connection from " + peer + " refused: not in proxy_allow_ips");
            return null;
        }
        try {
            while (true) {
                ProxyHeader header = ProxyHeader.decode(in.buffer(), in.position(), in.limit());
                if (header != null) {
                    in.skip(header.length());
                    return header.clientOf(peer);
                }
                if (!in.fill(deadlineNanos)) {
                    return null;
                }
            }
        } catch (IOException refused) {
            Service.LOG.log(Level.DEBUG, () -> "Connection from " + peer + " refused: " + refused.getMessage());
            return null;
        }
    }
}
