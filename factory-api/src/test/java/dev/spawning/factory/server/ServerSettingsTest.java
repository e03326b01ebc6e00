package dev.spawning.factory.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.ByteSize;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Origin;
import dev.spawning.factory.Settings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    private static ServerSettings from(String... keysAndValues) {
        Settings.Builder builder = Settings.builder("server:main");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            builder.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return ServerSettings.from(builder.build());
    }

    private static void assertRefused(String key, String value, String expected) {
        assertThatThrownBy(() -> from(key, value))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[server:main] " + key + " = '" + value + "': expected " + expected);
    }

    @Test
    void defaultsAreThoseOfTheSpecificationTable() {
        ServerSettings d = ServerSettings.DEFAULTS;

        assertThat(d.host()).isEqualTo("127.0.0.1");
        assertThat(d.port()).isEqualTo(8080);
        assertThat(d.backlog()).isEqualTo(2048);
        assertThat(d.maxConnections()).isEqualTo(10_000);
        assertThat(d.keepAlive()).isTrue();
        assertThat(d.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.headerTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.bodyTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.urlLengthLimit()).isEqualTo(8192);
        assertThat(d.maxHeaderLine()).isEqualTo(8192);
        assertThat(d.maxHeadersSize()).isEqualTo(ByteSize.ofBytes(65_536));
        assertThat(d.maxHeaderCount()).isEqualTo(100);
        assertThat(d.maxBodySize()).isEqualTo(ByteSize.ofBytes(0));
        assertThat(d.limitsBodySize()).isFalse();
        assertThat(d.requireHost()).isTrue();
        assertThat(d.gracefulTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.accessLog()).isEmpty();
        assertThat(d.accessLogFormat()).isEqualTo(ServerSettings.COMBINED_LOG_FORMAT);
        assertThat(d.threads()).isZero();
        assertThat(d.debug()).isFalse();
    }

    @Test
    void anEmptySectionGivesTheDefaults() {
        assertThat(ServerSettings.from(Settings.builder("server:main").build())).isEqualTo(ServerSettings.DEFAULTS);
    }

    @Test
    void combinedLogFormatIsApacheCombinedWithMicroseconds() {
        assertThat(ServerSettings.COMBINED_LOG_FORMAT)
                .isEqualTo("%(h)s %(l)s %(u)s %(t)s \"%(r)s\" %(s)s %(b)s \"%(f)s\" \"%(a)s\" %(D)s");
    }

    @Test
    void readsEveryKey() {
        ServerSettings s = from(
                "host", "0.0.0.0",
                "port", "0",
                "backlog", "16",
                "max_connections", "50",
                "keepalive", "true",
                "idle_timeout", "90s",
                "header_timeout", "500ms",
                "body_timeout", "2m",
                "url_length_limit", "1024",
                "max_header_line", "4096",
                "max_headers_size", "16k",
                "max_header_count", "20",
                "max_body_size", "10m",
                "require_host", "no",
                "graceful_timeout", "0s",
                "access_log", "/var/log/access.log",
                "access_log_format", "%(h)s %(r)s",
                "threads", "8",
                "debug", "on");

        assertThat(s).isEqualTo(new ServerSettings("0.0.0.0", 0, 16, 50, true, Duration.ofSeconds(90),
                Duration.ofMillis(500), Duration.ofMinutes(2), 1024, 4096, ByteSize.ofKilobytes(16), 20,
                ByteSize.ofBytes(10L * 1024 * 1024), false, ProxySettings.DEFAULTS, Duration.ZERO,
                Optional.of("/var/log/access.log"), "%(h)s %(r)s", 8, Optional.empty(), true, false, Optional.empty()));
        assertThat(s.limitsBodySize()).isTrue();
    }

    @Test
    void keepaliveFalseClosesAfterEachResponse() {
        ServerSettings s = from("keepalive", "false");

        assertThat(s.keepAlive()).isFalse();
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void keepaliveAsADurationEnablesItWithThatIdleTimeout() {
        ServerSettings s = from("keepalive", "5s", "idle_timeout", "90s");

        assertThat(s.keepAlive()).isTrue();
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void keepaliveTrueKeepsTheIdleTimeoutSetting() {
        ServerSettings s = from("keepalive", "yes", "idle_timeout", "90s");

        assertThat(s.keepAlive()).isTrue();
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void keepaliveOfZeroSecondsDisablesItAndKeepsTheIdleTimeoutSetting() {
        ServerSettings s = from("keepalive", "0s", "idle_timeout", "90s");

        assertThat(s.keepAlive()).isFalse();
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void keepaliveOfAnythingElseIsRefused() {
        assertRefused("keepalive", "sometimes", "true, false or an idle timeout such as 5s");
    }

    @Test
    void aBadValueNamesTheFileAndLineWhenItHasAnOrigin() {
        Settings local = Settings.builder("server:main").put("port", "http", new Origin("/srv/app.ini", 12)).build();

        assertThatThrownBy(() -> ServerSettings.from(local))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /srv/app.ini: line 12: [server:main] port = 'http': "
                        + "expected an integer from 0 to 65535");
    }

    @Test
    void portOutsideZeroTo65535IsRefused() {
        assertRefused("port", "65536", "an integer from 0 to 65535");
        assertRefused("port", "-1", "an integer from 0 to 65535");
    }

    @Test
    void portThatIsNotANumberIsRefused() {
        assertRefused("port", "http", "an integer from 0 to 65535");
    }

    @Test
    void portAcceptsBothEnds() {
        assertThat(from("port", "65535").port()).isEqualTo(65535);
        assertThat(from("port", " 0 ").port()).isZero();
    }

    @Test
    void backlogAndMaxConnectionsAndHeaderCountMustBePositive() {
        assertRefused("backlog", "0", "a positive integer");
        assertRefused("max_connections", "0", "a positive integer");
        assertRefused("max_header_count", "0", "a positive integer");
    }

    @Test
    void urlLengthLimitHasAFloorOfSixteen() {
        assertRefused("url_length_limit", "15", "an integer of at least 16");
        assertThat(from("url_length_limit", "16").urlLengthLimit()).isEqualTo(16);
    }

    @Test
    void aHeaderLineWithItsCrlfMustBeShorterThanTheLimitAndZeroMeansTheDefaultAsInGunicorn() {
        assertRefused("max_header_line", "-1", "a non-negative integer");
        assertThat(from("max_header_line", "0").maxHeaderLine()).isEqualTo(8192);
        ServerSettings small = from("max_header_line", "98");
        assertThat(small.headerLineTooLong(95)).isFalse();
        assertThat(small.headerLineTooLong(96)).isTrue();
        assertThat(ServerSettings.DEFAULTS.headerLineTooLong(8189)).isFalse();
        assertThat(ServerSettings.DEFAULTS.headerLineTooLong(8190)).isTrue();
    }

    @Test
    void headerAndBodyTimeoutsMustBePositive() {
        assertRefused("header_timeout", "0s", "a positive duration such as 500ms, 30s or 5m");
        assertRefused("body_timeout", "0", "a positive duration such as 500ms, 30s or 5m");
        assertRefused("header_timeout", "soon", "a positive duration such as 500ms, 30s or 5m");
    }

    @Test
    void idleAndGracefulTimeoutsMustBeDurations() {
        assertRefused("idle_timeout", "1 minute", "a duration such as 500ms, 30s or 5m");
        assertRefused("graceful_timeout", "-5s", "a duration such as 500ms, 30s or 5m");
    }

    @Test
    void maxHeadersSizeMustBeAPositiveSize() {
        assertRefused("max_headers_size", "lots", "a positive size such as 8192, 64k or 10m");
        assertRefused("max_headers_size", "0", "a positive size such as 8192, 64k or 10m");
        assertRefused("max_headers_size", "1.5k", "a positive size such as 8192, 64k or 10m");
    }

    @Test
    void maxHeadersSizeAcceptsEachForm() {
        assertThat(from("max_headers_size", "8192").maxHeadersSize()).isEqualTo(ByteSize.ofBytes(8192));
        assertThat(from("max_headers_size", "32KiB").maxHeadersSize()).isEqualTo(ByteSize.ofKilobytes(32));
    }

    @Test
    void maxBodySizeOfZeroMeansNoLimitAndABadOneIsRefused() {
        assertThat(from("max_body_size", "0").limitsBodySize()).isFalse();
        assertRefused("max_body_size", "10 megs", "a size such as 8192, 64k or 10m");
    }

    @Test
    void requireHostAndDebugMustBeBooleans() {
        assertRefused("require_host", "sometimes", "a boolean (true/false, yes/no, on/off, 1/0)");
        assertRefused("debug", "verbose", "a boolean (true/false, yes/no, on/off, 1/0)");
    }

    @Test
    void accessLogOffInAnyCaseOrBlankIsNoLog() {
        assertThat(from("access_log", "off").accessLog()).isEmpty();
        assertThat(from("access_log", "OFF").accessLog()).isEmpty();
        assertThat(from("access_log", "  ").accessLog()).isEmpty();
    }

    @Test
    void accessLogDashIsStandardOutputAndAPathIsAFile() {
        assertThat(from("access_log", "-").accessLog()).contains("-");
        assertThat(from("access_log", " logs/access.log ").accessLog()).contains("logs/access.log");
    }

    @Test
    void threadsRangeFromZeroToTenThousand() {
        assertThat(from("threads", "0").threads()).isZero();
        assertThat(from("threads", "10000").threads()).isEqualTo(10_000);
        assertRefused("threads", "10001", "an integer from 0 to 10000");
        assertRefused("threads", "-1", "an integer from 0 to 10000");
    }

    @Test
    void hostIsTrimmed() {
        assertThat(from("host", " example.com ").host()).isEqualTo("example.com");
        assertThat(from("host", "::").host()).isEqualTo("::");
    }

    @Test
    void hostBlankOrWithInnerBlanksIsRefused() {
        assertRefused("host", "", "a host name or an IP address");
        assertRefused("host", "   ", "a host name or an IP address");
        assertRefused("host", "exa mple.com", "a host name or an IP address");
    }

    @Test
    void bindFdZeroServesTheInheritedSocket() {
        assertThat(ServerSettings.DEFAULTS.inheritedSocket()).isFalse();
        assertThat(from("bind", "fd://0").inheritedSocket()).isTrue();
    }

    @Test
    void bindHostAndPortStandsForHostAndPort() {
        ServerSettings s = from("bind", "0.0.0.0:9000");
        assertThat(s.host()).isEqualTo("0.0.0.0");
        assertThat(s.port()).isEqualTo(9000);
        assertThat(s.inheritedSocket()).isFalse();
        ServerSettings v6 = from("bind", "[::1]:80");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.port()).isEqualTo(80);
    }

    @Test
    void bindOfAnotherDescriptorOrNoPortIsRefused() {
        String expected = "fd://0 (the listening socket inherited as standard input) or HOST:PORT";
        assertRefused("bind", "fd://3", expected);
        assertRefused("bind", "localhost", expected);
        assertRefused("bind", "::1:80", expected);
        assertRefused("bind", "localhost:70000", expected);
    }

    @Test
    void metricsBindIsOffByDefaultAndOtherwiseAnUnresolvedAddress() {
        assertThat(ServerSettings.DEFAULTS.metricsBind()).isEmpty();
        assertThat(from("metrics_bind", "off").metricsBind()).isEmpty();
        assertThat(from("metrics_bind", "0.0.0.0:9102").metricsBind())
                .contains(InetSocketAddress.createUnresolved("0.0.0.0", 9102));
        assertThat(from("metrics_bind", "[::1]:0").metricsBind())
                .contains(InetSocketAddress.createUnresolved("::1", 0));
        assertRefused("metrics_bind", "9102", "HOST:PORT, or off");
        assertRefused("metrics_bind", "fd://0", "HOST:PORT, or off");
    }

    @Test
    void bindWithHostOrPortIsRefused() {
        assertThatThrownBy(() -> from("bind", "fd://0", "port", "8000"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[server:main] bind = 'fd://0': expected either bind or host and port, not both");
    }

    @Test
    void reportsEveryBadValueOfASectionAtOnce() {
        Settings local = Settings.builder("server:main").put("port", "99999").put("threads", "many")
                .put("host", "127.0.0.1").build();

        assertThatThrownBy(() -> ServerSettings.from(local)).isInstanceOfSatisfying(FactoryException.class,
                failure -> assertThat(failure.messages()).containsExactly(
                        "[server:main] port = '99999': expected an integer from 0 to 65535",
                        "[server:main] threads = 'many': expected an integer from 0 to 10000"));
    }

    @Test
    void proxySettingsDefaultToNoProxyHeaderAndTrustingTheLoopbackAddress() {
        ProxySettings proxy = ServerSettings.DEFAULTS.proxy();

        assertThat(proxy.protocol()).isFalse();
        assertThat(proxy.allowIps()).hasToString("127.0.0.1");
        assertThat(proxy.forwardedAllowIps()).hasToString("127.0.0.1");
        assertThat(ServerSettings.NAMES).contains("proxy_protocol", "proxy_allow_ips", "forwarded_allow_ips");
    }

    @Test
    void proxySettingsReadAddressesNetworksStarAndNothing() {
        ProxySettings proxy = from("proxy_protocol", "true", "proxy_allow_ips", "10.0.0.0/8, fd00::/8",
                "forwarded_allow_ips", "").proxy();

        assertThat(proxy.protocol()).isTrue();
        assertThat(proxy.allowIps()).isEqualTo(AddressSet.parse("10.0.0.0/8, fd00::/8"));
        assertThat(proxy.forwardedAllowIps().isEmpty()).isTrue();
        assertThat(from("forwarded_allow_ips", "*").proxy().forwardedAllowIps().isAny()).isTrue();
    }

    @Test
    void badProxySettingsAreRefusedEachNamingItsKeyAndValue() {
        assertRefused("proxy_protocol", "v2", "a boolean (true/false, yes/no, on/off, 1/0)");
        assertRefused("proxy_allow_ips", "10.0.0.0/40",
                "comma-separated IP addresses or networks (such as 10.0.0.0/8), or *");
        assertThatThrownBy(() -> from("proxy_allow_ips", "lb.internal", "forwarded_allow_ips", "10.0.0.1;10.0.0.2"))
                .isInstanceOfSatisfying(FactoryException.class,
                        failure -> assertThat(failure.messages()).containsExactly(
                                "[server:main] proxy_allow_ips = 'lb.internal': expected comma-separated IP "
                                        + "addresses or networks (such as 10.0.0.0/8), or *",
                                "[server:main] forwarded_allow_ips = '10.0.0.1;10.0.0.2': expected "
                                        + "comma-separated IP addresses or networks (such as 10.0.0.0/8), or *"));
    }
}
