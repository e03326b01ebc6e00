package dev.spawning.factory.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Request;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

    private static final InetSocketAddress LOCAL_PEER = new InetSocketAddress("127.0.0.1", 41000);
    private static final ForwardedHeaders DEFAULT = ProxySettings.DEFAULTS.forwarding();

    private static Request from(InetSocketAddress peer, String... namesAndValues) {
        Request.Builder request = Request.builder().remoteAddress(peer).header("Host", "inner:8080");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            request.header(namesAndValues[i], namesAndValues[i + 1]);
        }
        return request.build();
    }

    @Test
    void aRequestWithoutForwardingFieldsIsLeftAsItIs() {
        Request request = from(LOCAL_PEER, "X-Forwarded", "no", "Forwarded-For", "no");

        assertThat(DEFAULT.apply(request)).isSameAs(request);
    }

    @Test
    void forwardedFromATrustedPeerGivesTheClientAddressSchemeAndHost() {
        Request seen = DEFAULT.apply(from(LOCAL_PEER, "Forwarded", "for=192.0.2.60;proto=https;host=example.com"));

        assertThat(seen.remoteAddress()).isEqualTo(new InetSocketAddress("192.0.2.60", 0));
        assertThat(seen.scheme()).isEqualTo("https");
        assertThat(seen.header("Host")).contains("example.com");
        assertThat(seen.headers().all("Host")).hasSize(1);
    }

    @Test
    void forwardedReadsQuotedValuesBracketedIpv6AndPorts() {
        Request seen = DEFAULT.apply(from(LOCAL_PEER, "Forwarded", "For=\"[2001:db8:cafe::17]:4711\"; Proto=HTTPS"));

        assertThat(seen.remoteAddress()).isEqualTo(new InetSocketAddress("2001:db8:cafe::17", 4711));
        assertThat(seen.scheme()).isEqualTo("https");
        assertThat(seen.header("Host")).contains("inner:8080");
    }

    @Test
    void unknownAndObfuscatedNodesKeepThePeer() {
        Request unknown = DEFAULT.apply(from(LOCAL_PEER, "Forwarded", "for=unknown;proto=https"));
        Request hidden = DEFAULT.apply(from(LOCAL_PEER, "Forwarded", "for=_hidden, for=\"_SEVKISEK\""));

        assertThat(unknown.remoteAddress()).isEqualTo(LOCAL_PEER);
        assertThat(unknown.scheme()).isEqualTo("https");
        assertThat(hidden.remoteAddress()).isEqualTo(LOCAL_PEER);
    }

    @Test
    void theClientIsTheRightMostHopThatIsNotTrusted() {
        ForwardedHeaders forwarded = ForwardedHeaders.trusting(AddressSet.parse("127.0.0.1, 10.0.0.0/8"));

        Request xff = forwarded.apply(from(LOCAL_PEER, "X-Forwarded-For", "203.0.113.5, 198.51.100.7", "X-Forwarded-For",
                "10.1.1.1"));
        Request rfc = forwarded.apply(from(LOCAL_PEER, "Forwarded", "for=203.0.113.5, for=198.51.100.7;proto=https",
                "Forwarded", "for=10.1.1.1;proto=http"));

        assertThat(xff.remoteAddress()).isEqualTo(new InetSocketAddress("198.51.100.7", 0));
        assertThat(rfc.remoteAddress()).isEqualTo(new InetSocketAddress("198.51.100.7", 0));
        assertThat(rfc.scheme()).isEqualTo("https");
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsTheClient() {
        ForwardedHeaders forwarded = ForwardedHeaders.trusting(AddressSet.ANY);

        Request seen = forwarded.apply(from(new InetSocketAddress("198.51.100.1", 5), "X-Forwarded-For",
                "203.0.113.5, 198.51.100.7"));

        assertThat(seen.remoteAddress()).isEqualTo(new InetSocketAddress("203.0.113.5", 0));
    }

    @Test
    void xForwardedFieldsGiveAddressPortSchemeAndHost() {
        Request seen = DEFAULT.apply(from(LOCAL_PEER, "X-Forwarded-For", "2001:db8::9", "X-Forwarded-Proto",
                "http, https", "X-Forwarded-Host", "shop.example"));
        Request withPort = DEFAULT.apply(from(LOCAL_PEER, "X-Forwarded-For", "203.0.113.5:6000"));

        assertThat(seen.remoteAddress()).isEqualTo(new InetSocketAddress("2001:db8::9", 0));
        assertThat(seen.scheme()).isEqualTo("https");
        assertThat(seen.header("Host")).contains("shop.example");
        assertThat(withPort.remoteAddress()).isEqualTo(new InetSocketAddress("203.0.113.5", 6000));
    }

    @Test
    void forwardedWinsOverXForwarded() {
        Request seen = DEFAULT.apply(from(LOCAL_PEER, "X-Forwarded-For", "203.0.113.5", "Forwarded", "for=192.0.2.1"));

        assertThat(seen.remoteAddress()).isEqualTo(new InetSocketAddress("192.0.2.1", 0));
    }

    @Test
    void aSchemeOtherThanHttpOrHttpsAndAnAddressThatIsNoIpAreIgnored() {
        Request seen = DEFAULT.apply(from(LOCAL_PEER, "X-Forwarded-For", "client.example", "X-Forwarded-Proto", "ftp"));

        assertThat(seen.remoteAddress()).isEqualTo(LOCAL_PEER);
        assertThat(seen.scheme()).isEqualTo("http");
    }

    @Test
    void aForwardedFieldThatDoesNotParseChangesNothing() {
        for (String bad : new String[] {"for=\"192.0.2.1", "for", "for=1.2.3.4;for=5.6.7.8", "f(r=1.2.3.4",
                "for=1.2.3.4 proto=https"}) {
            Request request = from(LOCAL_PEER, "Forwarded", bad);
            assertThat(DEFAULT.apply(request)).as(bad).isSameAs(request);
        }
    }

    @Test
    void fieldsFromAnUntrustedPeerStayPlainFields() {
        Request request = from(new InetSocketAddress("198.51.100.1", 5), "X-Forwarded-For", "203.0.113.5",
                "X-Forwarded-Proto", "https", "Forwarded", "for=192.0.2.1");

        assertThat(DEFAULT.apply(request)).isSameAs(request);
        assertThat(ForwardedHeaders.trusting(AddressSet.NONE).apply(from(LOCAL_PEER, "Forwarded", "for=192.0.2.1")))
                .extracting(Request::remoteAddress).isEqualTo(LOCAL_PEER);
    }
}
