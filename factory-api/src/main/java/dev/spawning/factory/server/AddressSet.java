package dev.spawning.factory.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A set of IP addresses written as Gunicorn writes {@code forwarded_allow_ips}: comma-separated
 * addresses ({@code 127.0.0.1, ::1}), networks in CIDR notation ({@code 10.0.0.0/8},
 * {@code fd00::/8}), or {@code *} for every address; an empty text is no address at all. Parsing
 * and matching never ask the DNS: a host name is not an address here. An IPv4 address written
 * as IPv4-mapped IPv6 ({@code ::ffff:10.0.0.1}) is the IPv4 address. Immutable.
 *
 * <pre>{@code
 * AddressSet trusted = AddressSet.parse("127.0.0.1, 10.0.0.0/8");
 * trusted.contains(InetAddress.ofLiteral("10.1.2.3"));   // true
 * trusted.contains(InetAddress.ofLiteral("192.0.2.1"));  // false
 * }</pre>
 */
public final class AddressSet {

    /** What {@link #parse} accepts, as a setting's error says it. */
    public static final String EXPECTED = "comma-separated IP addresses or networks (such as 10.0.0.0/8), or *";

    /** Every address: {@code *}. */
    public static final AddressSet ANY = new AddressSet(List.of(), true, "*");

    /** No address: the empty text. */
    public static final AddressSet NONE = new AddressSet(List.of(), false, "");

    private final List<Network> networks;
    private final boolean any;
    private final String text;

    private AddressSet(List<Network> networks, boolean any, String text) {
        this.networks = networks;
        this.any = any;
        this.text = text;
    }

    /** An address and how many of its leading bits a member must share with it. */
    private record Network(byte[] bits, int prefix) {

        boolean matches(byte[] address) {
            if (address.length != bits.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != bits[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[whole] & mask) == (bits[whole] & mask);
        }
    }

    /**
     * Reads a list of addresses and networks.
     *
     * @param text such as {@code 127.0.0.1}, {@code 10.0.0.0/8, ::1} or {@code *}; blank for none
     * @return the set
     * @throws IllegalArgumentException naming the entry that is neither an IP address nor a network
     *                                  (so {@link dev.spawning.factory.Settings#value} reports the
     *                                  setting with {@link #EXPECTED})
     */
    public static AddressSet parse(String text) {
        String written = text.strip();
        if (written.isEmpty()) {
            return NONE;
        }
        List<Network> networks = new ArrayList<>();
        boolean any = false;
        for (String entry : written.split(",", -1)) {
            String item = entry.strip();
            if (item.equals("*")) {
                any = true;
            } else {
                networks.add(network(item));
            }
        }
        return new AddressSet(List.copyOf(networks), any, written);
    }

    /**
     * An address written without a port, never looked up: IPv4 dotted quad or IPv6 (with or
     * without brackets).
     *
     * @param text the address as written
     * @return the address, or null when {@code text} is not an IP address literal
     */
    public static InetAddress literal(String text) {
        String bare = text.length() > 2 && text.startsWith("[") && text.endsWith("]")
                ? text.substring(1, text.length() - 1) : text;
        if (bare.indexOf(':') < 0 && !dottedQuad(bare)) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(bare);
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }

    /** {@return whether this set holds every address ({@code *})} */
    public boolean isAny() {
        return any;
    }

    /** {@return whether this set holds no address (an empty text)} */
    public boolean isEmpty() {
        return !any && networks.isEmpty();
    }

    /**
     * Whether {@code address} is in this set.
     *
     * @param address an address; null is in no set but {@code *}
     * @return true when it is one of the addresses or in one of the networks
     */
    public boolean contains(InetAddress address) {
        if (any) {
            return true;
        }
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (Network network : networks) {
            if (network.matches(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the address of {@code peer} is in this set. An unresolved address (such as a filter
     * made from a header) counts when its host string is an IP address literal in the set.
     *
     * @param peer a socket address; null is in no set but {@code *}
     * @return true when its address is in this set
     */
    public boolean contains(InetSocketAddress peer) {
        if (any || peer == null) {
            return any;
        }
        InetAddress address = peer.getAddress();
        return contains(address != null ? address : literal(peer.getHostString()));
    }

    private static Network network(String item) {
        int slash = item.indexOf('/');
        InetAddress address = literal(slash < 0 ? item : item.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("not an IP address or network: " + item);
        }
        byte[] bits = address.getAddress();
        int prefix = slash < 0 ? bits.length * 8 : prefixLength(item.substring(slash + 1), bits.length * 8);
        if (prefix < 0) {
            throw new IllegalArgumentException("not a network: " + item);
        }
        return new Network(bits, prefix);
    }

    private static int prefixLength(String text, int max) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int length = Integer.parseInt(text);
        return length <= max ? length : -1;
    }

    /** Four decimal numbers of 0 to 255 separated by dots: the only IPv4 form accepted. */
    static boolean dottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressSet set && set.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    /** {@return the set as written, such as {@code 127.0.0.1, 10.0.0.0/8}} */
    @Override
    public String toString() {
        return text;
    }
}
