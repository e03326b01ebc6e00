package dev.spawning.contract;

import static dev.spawning.contract.ContractProxyTest.ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;

/**
 * {@code forwarded_allow_ips} (default {@code 127.0.0.1}): the {@code Forwarded} and
 * {@code X-Forwarded-*} fields of a trusted peer give the address, scheme and host the app sees;
 * from any other peer they are plain fields.
 */
class ContractForwardedTest {

    private static final String X_FORWARDED = "GET / HTTP/1.1\r\nHost: inner\r\nX-Forwarded-For: 203.0.113.9, 10.0.0.2\r\n"
            + "X-Forwarded-Proto: https\r\nX-Forwarded-Host: shop.example\r\n\r\n";

    @ContractTest
    void xForwardedFieldsOfATrustedPeerGiveTheClientSchemeAndHost(ContractServers servers) throws Exception {
        Server server = servers.start(ADDRESS);

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(X_FORWARDED).read().text()).isEqualTo("10.0.0.2:0 https shop.example");
        }
    }

    @ContractTest
    void trustedHopsAreSkippedFromTheRight(ContractServers servers) throws Exception {
        Server server = servers.start(ADDRESS, "forwarded_allow_ips", "127.0.0.1, 10.0.0.0/8");

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(X_FORWARDED).read().text()).isEqualTo("203.0.113.9:0 https shop.example");
        }
    }

    @ContractTest
    void theForwardedFieldOfATrustedPeerGivesTheClientSchemeAndHost(ContractServers servers) throws Exception {
        Server server = servers.start(ADDRESS);

        try (RawHttp client = RawHttp.connect(server)) {
            String reply = client.send("GET / HTTP/1.1\r\nHost: inner\r\n"
                    + "Forwarded: for=\"[2001:db8::7]:8000\";proto=https;host=\"app.example\"\r\n\r\n").read().text();

            assertThat(reply).isEqualTo("2001:db8:0:0:0:0:0:7:8000 https app.example");
        }
    }

    @ContractTest
    void fieldsOfAnUntrustedPeerAreLeftAlone(ContractServers servers) throws Exception {
        Server server = servers.start(ADDRESS, "forwarded_allow_ips", "10.0.0.1");

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(X_FORWARDED).read().text()).matches("127\\.0\\.0\\.1:\\d+ http inner");
        }
    }

    @ContractTest
    void theClientOfAProxyHeaderIsThePeerWhoseFieldsAreTrustedOrNot(ContractServers servers) throws Exception {
        Server untrusted = servers.start(ADDRESS, "proxy_protocol", "true");
        Server trusted = servers.start(ADDRESS, "proxy_protocol", "true", "forwarded_allow_ips", "198.51.100.9");

        try (RawHttp toUntrusted = RawHttp.connect(untrusted); RawHttp toTrusted = RawHttp.connect(trusted)) {
            assertThat(toUntrusted.send(ContractProxyTest.v2Ipv4() + X_FORWARDED).read().text())
                    .isEqualTo("198.51.100.9:4242 http inner");
            assertThat(toTrusted.send(ContractProxyTest.v2Ipv4() + X_FORWARDED).read().text())
                    .isEqualTo("10.0.0.2:0 https shop.example");
        }
    }
}
