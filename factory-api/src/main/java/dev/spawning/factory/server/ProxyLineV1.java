package dev.spawning.factory.server;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * The text form of the PROXY header (version 1): {@code PROXY TCP4 SRC DST SPORT DPORT\r\n},
 * {@code TCP6} the same with IPv6 addresses, or {@code PROXY UNKNOWN} and anything up to the CRLF.
 * Fields are separated by single spaces; addresses are literals (an IPv4 dotted quad, an IPv6
 * address without brackets) of the family named; ports are decimal, 0 to 65535. Stateless.
 */
final class ProxyLineV1 {

    private ProxyLineV1() {
    }

    /** The header whose bytes start at {@code from} with {@code PROXY }; null while its CRLF has not come. */
    static ProxyHeader decode(byte[] bytes, int from, int to) throws ProtocolException {
        int end = Math.min(to, from + ProxyHeader.V1_MAX_LENGTH);
        for (int i = from; i < end; i++) {
            if (bytes[i] == '\n') {
                if (i == from || bytes[i - 1] != '\r') {
                    throw new ProtocolException("PROXY v1 line ends without CRLF");
                }
                String line = new String(bytes, from, i - 1 - from, StandardCharsets.ISO_8859_1);
                return new ProxyHeader(i + 1 - from, source(line));
            }
        }
        if (to - from >= ProxyHeader.V1_MAX_LENGTH) {
            throw new ProtocolException("PROXY v1 line longer than " + ProxyHeader.V1_MAX_LENGTH + " bytes");
        }
        return null;
    }

    private static InetSocketAddress source(String line) throws ProtocolException {
        String[] fields = line.split(" ", -1);
        if (fields.length >= 2 && fields[1].equals("UNKNOWN")) {
            return null;
        }
        if (fields.length != 6 || !(fields[1].equals("TCP4") || fields[1].equals("TCP6"))) {
            throw new ProtocolException("malformed PROXY v1 line: " + line);
        }
        boolean v4 = fields[1].equals("TCP4");
        InetAddress source = address(fields[2], v4, line);
        address(fields[3], v4, line);
        int sourcePort = port(fields[4], line);
        port(fields[5], line);
        return new InetSocketAddress(source, sourcePort);
    }

    private static InetAddress address(String text, boolean v4, String line) throws ProtocolException {
        InetAddress address = text.startsWith("[") ? null : AddressSet.literal(text);
        boolean family = v4 ? address instanceof Inet4Address && AddressSet.dottedQuad(text)
                : address instanceof Inet6Address || address instanceof Inet4Address && text.indexOf(':') >= 0;
        if (!family) {
            throw new ProtocolException("PROXY v1 line with a bad " + (v4 ? "IPv4" : "IPv6") + " address: " + line);
        }
        return address;
    }

    private static int port(String text, String line) throws ProtocolException {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(text) > 65535) {
            throw new ProtocolException("PROXY v1 line with a bad port: " + line);
        }
        return Integer.parseInt(text);
    }
}
