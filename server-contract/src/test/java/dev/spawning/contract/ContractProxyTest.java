package dev.spawning.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code proxy_protocol = true}: every connection begins with a PROXY header (v1 or v2) from a
 * peer in {@code proxy_allow_ips}, and the app sees the client it names; any other connection is
 * closed without an answer, never guessed.
 */
class ContractProxyTest {

    /** Answers with the remote address the app sees. */
    static final App ADDRESS = request -> Response.text(200, remote(request.remoteAddress()) + " "
            + request.scheme() + " " + request.header("Host").orElse("-"));

    private static final String V1 = "PROXY TCP4 192.0.2.7 192.0.2.1 5555 80\r\n";

    private final ContractApps.Calls calls = new ContractApps.Calls();

    private static String remote(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** A v2 header: PROXY command, TCP over IPv4, 198.51.100.9:4242 to 192.0.2.1:80. */
    static String v2Ipv4() {
        return signature() + "\u0021\u0011\u0000\u000C" + "\u00C6\u0033\u0064\u0009" + "\u00C0\u0000\u0002\u0001"
                + "\u0010\u0092" + "\u0000\u0050";
    }

    /** A v2 header: PROXY command, TCP over IPv6, [2001:db8::5]:443 to [2001:db8::1]:80, then a TLV. */
    private static String v2Ipv6() {
        String source = "\u0020\u0001\r\u00B8" + "\u0000".repeat(11) + "\u0005";
        String destination = "\u0020\u0001\r\u00B8" + "\u0000".repeat(11) + "\u0001";
        return signature() + "\u0021\u0021\u0000\u0029" + source + destination + "\u0001\u00BB\u0000\u0050"
                + "\u0004\u0000\u0002ab";
    }

    private static String signature() {
        return "\r\n\r\n\u0000\r\nQUIT\n";
    }

    @ContractTest
    void theAppSeesTheClientOfAV1HeaderOnEveryRequestOfTheConnection(ContractServers servers) throws Exception {
        Server server = servers.start(ADDRESS, "proxy_protocol", "true");

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(V1 + ContractApps.get("/one")).read().text()).isEqualTo("192.0.2.7:5555 http x");
            assertThat(client.send(ContractApps.get("/two")).read().text()).isEqualTo("192.0.2.7:5555 http x");
        }
    }

    @ContractTest
    void theAppSeesTheClientOfAV2HeaderOverIpv4AndIpv6(ContractServers servers) throws Exception {
        Server server = servers.start(ADDRESS, "proxy_protocol", "true");

        try (RawHttp v4 = RawHttp.connect(server); RawHttp v6 = RawHttp.connect(server)) {
            assertThat(v4.send(v2Ipv4() + ContractApps.get("/")).read().text()).isEqualTo("198.51.100.9:4242 http x");
            assertThat(v6.send(v2Ipv6()).send(ContractApps.get("/")).read().text())
                    .isEqualTo("2001:db8:0:0:0:0:0:5:443 http x");
        }
    }

    @ContractTest
    void aV1UnknownHeaderKeepsThePeer(ContractServers servers) throws Exception {
        Server server = servers.start(ADDRESS, "proxy_protocol", "true");

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send("PROXY UNKNOWN\r\n" + ContractApps.get("/")).read().text()).startsWith("127.0.0.1:");
        }
    }

    @ContractTest
    void theAccessLogNamesTheClient(ContractServers servers, @TempDir Path dir) throws Exception {
        Path log = dir.resolve("access.log");
        Server server = servers.start(ADDRESS, "proxy_protocol", "true", "access_log", log.toString(),
                "access_log_format", "%(h)s %(r)s");

        try (RawHttp client = RawHttp.connect(server)) {
            client.send(V1 + ContractApps.get("/logged")).read();
        }

        assertThat(ContractAccessLogTest.awaitLines(log, 1)).containsExactly("192.0.2.7 GET /logged HTTP/1.1");
    }

    @ContractTest
    void aConnectionWithoutTheHeaderIsClosedWithoutAnAnswer(ContractServers servers) throws Exception {
        Server server = servers.start(calls.counting(ADDRESS), "proxy_protocol", "true");

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(ContractApps.get("/guess")).readUntilClosed()).isEmpty();
        }
        assertThat(calls.count()).isZero();
    }

    @ContractTest
    void aMalformedHeaderIsClosedWithoutAnAnswer(ContractServers servers) throws Exception {
        Server server = servers.start(calls.counting(ADDRESS), "proxy_protocol", "true");

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send("PROXY TCP4 192.0.2.7 192.0.2.1 5555 99999\r\n" + ContractApps.get("/"))
                    .readUntilClosed()).isEmpty();
        }
        assertThat(calls.count()).isZero();
    }

    @ContractTest
    void aHeaderIncompleteAfterHeaderTimeoutIsClosedWithoutAnAnswer(ContractServers servers) throws Exception {
        Server server = servers.start(calls.counting(ADDRESS), "proxy_protocol", "true", "header_timeout", "300ms");

        try (RawHttp client = RawHttp.connect(server)) {
            long begin = System.nanoTime();

            assertThat(client.send("PROXY TCP4 192.0.").readUntilClosed()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).as("not before header_timeout")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
        assertThat(calls.count()).isZero();
    }

    @ContractTest
    void aRequestHeadIncompleteAfterTheHeaderGets408(ContractServers servers) throws Exception {
        Server server = servers.start(ADDRESS, "proxy_protocol", "true", "header_timeout", "300ms");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send(V1 + "GET / HTTP/1.1\r\nHost: x\r\n").read();

            ContractAssertions.refusesAndCloses(client, reply, 408);
        }
    }

    @ContractTest
    void aPeerNotInProxyAllowIpsIsClosedWithoutAnAnswer(ContractServers servers) throws Exception {
        Server server = servers.start(calls.counting(ADDRESS), "proxy_protocol", "true", "proxy_allow_ips", "10.0.0.1");

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(V1 + ContractApps.get("/")).readUntilClosed()).isEmpty();
        }
        assertThat(calls.count()).isZero();
    }

    @ContractTest
    void aPeerInAnAllowedNetworkMaySendTheHeader(ContractServers servers) throws Exception {
        Server server = servers.start(ADDRESS, "proxy_protocol", "true", "proxy_allow_ips", "10.0.0.1, 127.0.0.0/8");

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(V1 + ContractApps.get("/")).read().text()).isEqualTo("192.0.2.7:5555 http x");
        }
    }

    @ContractTest
    void withoutProxyProtocolAProxyLineIsAMalformedRequest(ContractServers servers) throws Exception {
        Server server = servers.start(calls.counting(ADDRESS));

        try (RawHttp client = RawHttp.connect(server)) {
            ContractAssertions.refusesAndCloses(client, client.send(V1 + ContractApps.get("/")).read(), 400);
        }
        assertThat(calls.count()).isZero();
    }
}
