package dev.spawning.factory.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProxyHeaderTest {

    private static final byte[] V2_SIGNATURE = {
        0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);

    private static ProxyHeader decode(byte[] bytes) throws ProtocolException {
        return ProxyHeader.decode(bytes, 0, bytes.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] v2(int command, int family, byte[] addresses, byte[] tlvs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(V2_SIGNATURE);
        out.write(command);
        out.write(family);
        int length = addresses.length + tlvs.length;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(addresses);
        out.writeBytes(tlvs);
        return out.toByteArray();
    }

    private static byte[] v4Addresses() {
        return new byte[] {(byte) 192, (byte) 168, 0, 1, (byte) 192, (byte) 168, 0, 11, (byte) 0xDC, 0x04, 0x01, (byte) 0xBB};
    }

    @Test
    void v1Tcp4GivesTheSourceAndTheLengthOfTheLine() throws Exception {
        byte[] bytes = ascii("PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\nGET / HTTP/1.1\r\n");

        ProxyHeader header = decode(bytes);

        assertThat(header.length()).isEqualTo(47);
        assertThat(header.source()).isEqualTo(new InetSocketAddress("192.168.0.1", 56324));
        assertThat(header.clientOf(PEER)).isEqualTo(header.source());
    }

    @Test
    void v1Tcp6GivesAnIpv6Source() throws Exception {
        ProxyHeader header = decode(ascii("PROXY TCP6 2001:db8::1 2001:db8::2 4000 80\r\n"));

        assertThat(header.source()).isEqualTo(new InetSocketAddress("2001:db8::1", 4000));
    }

    @Test
    void v1UnknownKeepsThePeer() throws Exception {
        ProxyHeader header = decode(ascii("PROXY UNKNOWN ffff::1 ffff::2 1 2\r\n"));

        assertThat(header.source()).isNull();
        assertThat(header.clientOf(PEER)).isEqualTo(PEER);
        assertThat(decode(ascii("PROXY UNKNOWN\r\n")).length()).isEqualTo(15);
    }

    @Test
    void anIncompleteHeaderNeedsMoreBytes() throws Exception {
        byte[] line = ascii("PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\n");
        byte[] binary = v2(0x21, 0x11, v4Addresses(), new byte[0]);

        for (int count = 0; count < line.length; count++) {
            assertThat(ProxyHeader.decode(line, 0, count)).as("%d bytes of v1", count).isNull();
        }
        for (int count = 0; count < binary.length; count++) {
            assertThat(ProxyHeader.decode(binary, 0, count)).as("%d bytes of v2", count).isNull();
        }
    }

    @Test
    void aConnectionNotBeginningWithAHeaderIsRefusedAtItsFirstWrongByte() {
        assertThatThrownBy(() -> ProxyHeader.decode(ascii("GET / HTTP/1.1\r\n"), 0, 1))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("the connection does not begin with a PROXY protocol header");
        assertThatThrownBy(() -> decode(ascii("PROXZ")))
                .hasMessage("the connection does not begin with a PROXY protocol header");
        assertThatThrownBy(() -> decode(new byte[] {0x0D, 0x0A, 0x0D, 0x0A, 0x01}))
                .hasMessage("the connection does not begin with a PROXY protocol header");
    }

    @Test
    void v1RefusesBadAddressesPortsProtocolsAndFieldCounts() {
        assertThatThrownBy(() -> decode(ascii("PROXY TCP4 not-an-ip 192.168.0.11 56324 443\r\n")))
                .hasMessage("PROXY v1 line with a bad IPv4 address: PROXY TCP4 not-an-ip 192.168.0.11 56324 443");
        assertThatThrownBy(() -> decode(ascii("PROXY TCP4 192.168.0.1 192.168.0.11 65iii 100000\r\n")))
                .hasMessage("PROXY v1 line with a bad port: PROXY TCP4 192.168.0.1 192.168.0.11 65iii 100000");
        assertThatThrownBy(() -> decode(ascii("PROXY TCP4 192.168.0.1 192.16...\r\n")))
                .hasMessage("malformed PROXY v1 line: PROXY TCP4 192.168.0.1 192.16...");
        assertThatThrownBy(() -> decode(ascii("PROXY TCP6 192.168.0.1 192.168.0.11 1 2\r\n")))
                .hasMessage("PROXY v1 line with a bad IPv6 address: PROXY TCP6 192.168.0.1 192.168.0.11 1 2");
        assertThatThrownBy(() -> decode(ascii("PROXY TCP4 ::1 ::1 1 2\r\n")))
                .hasMessage("PROXY v1 line with a bad IPv4 address: PROXY TCP4 ::1 ::1 1 2");
        assertThatThrownBy(() -> decode(ascii("PROXY UDP4 1.2.3.4 1.2.3.4 1 2\r\n")))
                .hasMessage("malformed PROXY v1 line: PROXY UDP4 1.2.3.4 1.2.3.4 1 2");
        assertThatThrownBy(() -> decode(ascii("PROXY TCP4  1.2.3.4 1.2.3.4 1 2\r\n")))
                .hasMessage("malformed PROXY v1 line: PROXY TCP4  1.2.3.4 1.2.3.4 1 2");
        assertThatThrownBy(() -> decode(ascii("PROXY TCP4 1.2.3.4 1.2.3.4 1 2\n")))
                .hasMessage("PROXY v1 line ends without CRLF");
    }

    @Test
    void v1LineIsAtMost107Bytes() throws Exception {
        String longest = "PROXY UNKNOWN " + "x".repeat(ProxyHeader.V1_MAX_LENGTH - 16) + "\r\n";
        assertThat(longest).hasSize(107);
        assertThat(decode(ascii(longest)).length()).isEqualTo(107);

        byte[] tooLong = ascii("PROXY UNKNOWN " + "x".repeat(ProxyHeader.V1_MAX_LENGTH - 15) + "\r\n");
        assertThatThrownBy(() -> decode(tooLong)).hasMessage("PROXY v1 line longer than 107 bytes");
    }

    @Test
    void v2ProxyOverIpv4GivesTheSource() throws Exception {
        byte[] bytes = v2(0x21, 0x11, v4Addresses(), new byte[0]);

        ProxyHeader header = decode(bytes);

        assertThat(header.length()).isEqualTo(28);
        assertThat(header.source()).isEqualTo(new InetSocketAddress("192.168.0.1", 56324));
    }

    @Test
    void v2ProxyOverIpv6GivesTheSource() throws Exception {
        byte[] addresses = new byte[36];
        addresses[0] = 0x20;
        addresses[1] = 0x01;
        addresses[2] = 0x0D;
        addresses[3] = (byte) 0xB8;
        addresses[15] = 1;
        addresses[32] = (byte) 0xD4;
        addresses[33] = 0x31;

        ProxyHeader header = decode(v2(0x21, 0x21, addresses, new byte[0]));

        assertThat(header.source()).isEqualTo(new InetSocketAddress("2001:db8::1", 54321));
        assertThat(header.length()).isEqualTo(52);
    }

    @Test
    void v2SkipsTypeLengthValueExtensions() throws Exception {
        byte[] tlvs = {0x04, 0x00, 0x03, 'a', 'b', 'c'};

        ProxyHeader header = decode(v2(0x21, 0x11, v4Addresses(), tlvs));

        assertThat(header.length()).isEqualTo(34);
        assertThat(header.source()).isEqualTo(new InetSocketAddress("192.168.0.1", 56324));
    }

    @Test
    void v2LocalAndUnspecifiedKeepThePeer() throws Exception {
        ProxyHeader local = decode(v2(0x20, 0x11, v4Addresses(), new byte[0]));
        ProxyHeader unspecified = decode(v2(0x21, 0x00, new byte[0], new byte[0]));

        assertThat(local.source()).isNull();
        assertThat(local.length()).isEqualTo(28);
        assertThat(unspecified.clientOf(PEER)).isEqualTo(PEER);
        assertThat(unspecified.length()).isEqualTo(16);
    }

    @Test
    void v2RefusesOtherVersionsCommandsFamiliesAndShortAddresses() {
        assertThatThrownBy(() -> decode(v2(0x11, 0x11, v4Addresses(), new byte[0])))
                .hasMessage("PROXY v2 header with version and command 0x11 (expected 0x20 LOCAL or 0x21 PROXY)");
        assertThatThrownBy(() -> decode(v2(0x22, 0x11, v4Addresses(), new byte[0])))
                .hasMessage("PROXY v2 header with version and command 0x22 (expected 0x20 LOCAL or 0x21 PROXY)");
        assertThatThrownBy(() -> decode(v2(0x21, 0x12, v4Addresses(), new byte[0])))
                .hasMessage("PROXY v2 header with address family and transport 0x12 (expected TCP over IPv4 or IPv6, "
                        + "a Unix stream, or unspecified)");
        assertThatThrownBy(() -> decode(v2(0x21, 0x21, v4Addresses(), new byte[0])))
                .hasMessage("PROXY v2 header of 12 address bytes for family 0x21 (expected at least 36)");
    }
}
