package dev.spawning.factory.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * The PROXY protocol header (HAProxy's specification, versions 1 and 2) that a proxy sends before
 * anything else on a connection, naming the client it accepted the connection from; decoded by
 * {@link #decode} from the first bytes of a connection, which both server providers read before
 * their HTTP parser sees any.
 *
 * <p>Version 1 is a text line of at most {@link #V1_MAX_LENGTH} bytes, CRLF included:
 * {@code PROXY TCP4 SRC DST SPORT DPORT}, {@code PROXY TCP6 ...} or {@code PROXY UNKNOWN ...}.
 * Version 2 is binary: a 12-byte signature, the version and command, the address family and
 * transport, a length and the addresses; type-length-value extensions after the addresses are
 * skipped. {@code UNKNOWN} (v1), the {@code LOCAL} command and the unspecified or Unix families
 * (v2) name no client: the connection's peer is kept ({@link #source} is null).
 *
 * <pre>{@code
 * ProxyHeader header = ProxyHeader.decode(bytes, 0, count);   // null: more bytes needed
 * InetSocketAddress client = header.clientOf(peer);
 * int httpStartsAt = header.length();
 * }</pre>
 *
 * @param length how many bytes the header took; the HTTP request starts after them
 * @param source the client the proxy names; null when it names none and the peer is kept
 */
public record ProxyHeader(int length, InetSocketAddress source) {

    /** The longest version 1 line, {@code PROXY} to CRLF, as the specification bounds it. */
    public static final int V1_MAX_LENGTH = 107;

    private static final byte[] V1_SIGNATURE = "PROXY ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V2_SIGNATURE = {
        0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    private static final int V2_FIXED = 16;

    /**
     * The client of a connection from {@code peer} that began with this header.
     *
     * @param peer the connection's peer, the proxy
     * @return {@link #source}, or {@code peer} when the header names no client
     */
    public InetSocketAddress clientOf(InetSocketAddress peer) {
        return source != null ? source : peer;
    }

    /**
     * Decodes the header at the start of a connection's bytes, as far as they have arrived. Refuses
     * as soon as a byte shows that no header is there: the specification forbids guessing.
     *
     * @param bytes the connection's first bytes
     * @param from  where they start
     * @param to    where the bytes that arrived so far end
     * @return the header; null when the bytes so far are a correct beginning of one
     * @throws ProtocolException when the bytes are no PROXY header (saying what is wrong), or a
     *                           malformed one
     */
    public static ProxyHeader decode(byte[] bytes, int from, int to) throws ProtocolException {
        if (to == from) {
            return null;
        }
        if (bytes[from] == 'P') {
            return startsWith(bytes, from, to, V1_SIGNATURE) ? ProxyLineV1.decode(bytes, from, to) : null;
        }
        if (bytes[from] == V2_SIGNATURE[0]) {
            return startsWith(bytes, from, to, V2_SIGNATURE) ? decodeV2(bytes, from, to) : null;
        }
        throw new ProtocolException("the connection does not begin with a PROXY protocol header");
    }

    /**
     * True when the bytes so far match the start of {@code signature} and all of it has arrived;
     * false when more are needed.
     */
    private static boolean startsWith(byte[] bytes, int from, int to, byte[] signature) throws ProtocolException {
        int count = Math.min(to - from, signature.length);
        for (int i = 0; i < count; i++) {
            if (bytes[from + i] != signature[i]) {
                throw new ProtocolException("the connection does not begin with a PROXY protocol header");
            }
        }
        return count == signature.length;
    }

    private static ProxyHeader decodeV2(byte[] bytes, int from, int to) throws ProtocolException {
        if (to - from < V2_FIXED) {
            return null;
        }
        int versionCommand = bytes[from + 12] & 0xFF;
        int family = bytes[from + 13] & 0xFF;
        int length = V2_FIXED + ((bytes[from + 14] & 0xFF) << 8 | (bytes[from + 15] & 0xFF));
        if (versionCommand >> 4 != 2 || (versionCommand & 0x0F) > 1) {
            throw new ProtocolException("PROXY v2 header with version and command 0x" + Integer.toHexString(versionCommand)
                    + " (expected 0x20 LOCAL or 0x21 PROXY)");
        }
        if (to - from < length) {
            return null;
        }
        boolean local = (versionCommand & 0x0F) == 0;
        return new ProxyHeader(length, local ? null : sourceV2(bytes, from + V2_FIXED, length - V2_FIXED, family));
    }

    /** The source of the PROXY command's addresses; null for the unspecified and Unix families. */
    private static InetSocketAddress sourceV2(byte[] bytes, int at, int length, int family)
            throws ProtocolException {
        int addressLength = switch (family) {
            case 0x11 -> 4;
            case 0x21 -> 16;
            case 0x00, 0x31 -> 0;
            default -> throw new ProtocolException("PROXY v2 header with address family and transport 0x"
                    + Integer.toHexString(family) + " (expected TCP over IPv4 or IPv6, a Unix stream, or unspecified)");
        };
        if (addressLength == 0) {
            return null;
        }
        if (length < 2 * addressLength + 4) {
            throw new ProtocolException("PROXY v2 header of " + length + " address bytes for family 0x"
                    + Integer.toHexString(family) + " (expected at least " + (2 * addressLength + 4) + ")");
        }
        byte[] address = new byte[addressLength];
        System.arraycopy(bytes, at, address, 0, addressLength);
        int portAt = at + 2 * addressLength;
        int port = (bytes[portAt] & 0xFF) << 8 | (bytes[portAt + 1] & 0xFF);
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (java.net.UnknownHostException impossible) {
            throw new ProtocolException("PROXY v2 address of " + addressLength + " bytes");
        }
    }
}
