package dev.spawning.factory.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class AddressSetTest {

    private static InetAddress ip(String literal) {
        return InetAddress.ofLiteral(literal);
    }

    @Test
    void holdsTheAddressesListed() {
        AddressSet set = AddressSet.parse("127.0.0.1, ::1,192.0.2.7");

        assertThat(set.contains(ip("127.0.0.1"))).isTrue();
        assertThat(set.contains(ip("::1"))).isTrue();
        assertThat(set.contains(ip("192.0.2.7"))).isTrue();
        assertThat(set.contains(ip("192.0.2.8"))).isFalse();
        assertThat(set.contains(ip("127.0.0.2"))).isFalse();
    }

    @Test
    void holdsTheAddressesOfNetworks() {
        AddressSet set = AddressSet.parse("10.0.0.0/8, 192.168.4.0/22, fd00::/8");

        assertThat(set.contains(ip("10.255.1.2"))).isTrue();
        assertThat(set.contains(ip("11.0.0.1"))).isFalse();
        assertThat(set.contains(ip("192.168.7.255"))).isTrue();
        assertThat(set.contains(ip("192.168.8.0"))).isFalse();
        assertThat(set.contains(ip("fd12::5"))).isTrue();
        assertThat(set.contains(ip("fe80::1"))).isFalse();
    }

    @Test
    void anIpv4MappedAddressIsTheIpv4Address() {
        assertThat(AddressSet.parse("::ffff:10.0.0.1").contains(ip("10.0.0.1"))).isTrue();
    }

    @Test
    void starHoldsEveryAddressAndEmptyNone() {
        assertThat(AddressSet.parse("*").contains(ip("203.0.113.9"))).isTrue();
        assertThat(AddressSet.parse("*").isAny()).isTrue();
        assertThat(AddressSet.parse(" ").isEmpty()).isTrue();
        assertThat(AddressSet.parse("").contains(ip("127.0.0.1"))).isFalse();
    }

    @Test
    void matchesAnUnresolvedSocketAddressByItsLiteralNeverByDns() {
        AddressSet set = AddressSet.parse("127.0.0.1");

        assertThat(set.contains(InetSocketAddress.createUnresolved("127.0.0.1", 0))).isTrue();
        assertThat(set.contains(InetSocketAddress.createUnresolved("localhost", 0))).isFalse();
        assertThat(set.contains((InetSocketAddress) null)).isFalse();
    }

    @Test
    void refusesHostNamesBadNumbersAndBadPrefixes() {
        for (String bad : new String[] {"localhost", "10.0.0.300", "10.0.0", "10.0.0.0/33", "::1/129", "1.2.3.4/",
                "1.2.3.4/x", "10.0.0.1,,", "[::1"}) {
            assertThatThrownBy(() -> AddressSet.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void keepsItsTextForEqualityAndDisplay() {
        assertThat(AddressSet.parse(" 10.0.0.0/8, ::1 ")).isEqualTo(AddressSet.parse("10.0.0.0/8, ::1"))
                .hasToString("10.0.0.0/8, ::1");
    }
}
