package dev.spawning.factory.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Headers;
import dev.spawning.factory.Request;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    private static final ZonedDateTime START = ZonedDateTime.of(2000, 10, 10, 13, 55, 36, 0, ZoneOffset.ofHours(-7));
    private static final Duration TOOK = Duration.ofNanos(2_345_678_901L);

    private final Request request = Request.builder()
            .method("GET")
            .target("/a%20b/c?x=1&y=2")
            .header("Host", "example.com")
            .header("Referer", "http://ref/")
            .header("User-Agent", "curl/8.5")
            .remoteAddress(new InetSocketAddress("127.0.0.1", 50123))
            .build();

    @Test
    void writesTheCombinedFormatWithTheDurationInMicroseconds() {
        AccessLog log = AccessLog.compile(ServerSettings.COMBINED_LOG_FORMAT);

        String line = log.line(entry(request, 200, 1234, Headers.empty()));

        assertThat(line).isEqualTo("127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /a%20b/c?x=1&y=2 HTTP/1.1\" "
                + "200 1234 \"http://ref/\" \"curl/8.5\" 2345678");
    }

    @Test
    void writesEachRequestAtom() {
        AccessLog log = AccessLog.compile("%(m)s|%(U)s|%(q)s|%(H)s|%(l)s|%(u)s");

        assertThat(log.line(entry(request, 200, 0, Headers.empty()))).isEqualTo("GET|/a b/c|x=1&y=2|HTTP/1.1|-|-");
    }

    @Test
    void writesEachDurationAtom() {
        AccessLog log = AccessLog.compile("%(T)s %(M)s %(D)s %(L)s");

        assertThat(log.line(entry(request, 200, 0, Headers.empty()))).isEqualTo("2 2345 2345678 2.345678");
    }

    @Test
    void writesADashForAnEmptyBodyWithLowerBAndZeroWithUpperB() {
        AccessLog log = AccessLog.compile("%(b)s %(B)s");

        assertThat(log.line(entry(request, 204, 0, Headers.empty()))).isEqualTo("- 0");
        assertThat(log.line(entry(request, 200, 7, Headers.empty()))).isEqualTo("7 7");
    }

    @Test
    void writesRequestAndResponseHeadersByNameIgnoringCase() {
        AccessLog log = AccessLog.compile("%({host}i)s %({content-type}o)s %({X-Missing}i)s");

        assertThat(log.line(entry(request, 200, 0, Headers.of("Content-Type", "text/plain"))))
                .isEqualTo("example.com text/plain -");
    }

    @Test
    void writesTheProcessIdInAngleBracketsAsGunicornDoes() {
        AccessLog log = AccessLog.compile("%(p)s");

        assertThat(log.line(entry(request, 200, 0, Headers.empty())))
                .isEqualTo("<" + ProcessHandle.current().pid() + ">");
    }

    @Test
    void writesADashForAnUnknownRemoteAddressAndMissingRefererAndAgent() {
        Request bare = Request.builder().target("/").build();
        AccessLog log = AccessLog.compile("%(h)s \"%(f)s\" \"%(a)s\"");

        assertThat(log.line(entry(bare, 200, 0, Headers.empty()))).isEqualTo("- \"-\" \"-\"");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersFromTheRequest() {
        Request hostile = request.toBuilder().headers(Headers.of("User-Agent", "a\"b\\c\td\u001b")).build();
        AccessLog log = AccessLog.compile("\"%(a)s\"");

        assertThat(log.line(entry(hostile, 200, 0, Headers.empty()))).isEqualTo("\"a\\\"b\\\\c\\x09d\\x1b\"");
    }

    @Test
    void writesADoubledPercentAsOnePercentAndKeepsOtherTextAsItIs() {
        AccessLog log = AccessLog.compile("100%% done: %(s)s [ok]");

        assertThat(log.line(entry(request, 201, 0, Headers.empty()))).isEqualTo("100% done: 201 [ok]");
    }

    @Test
    void rejectsAnUnknownAtomWhenCompiled() {
        assertThatThrownBy(() -> AccessLog.compile("%(h)s %(x)s"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("unknown atom %(x)s (known: h l u t r m U q H s B b f a T M D L p {header}i {header}o)");
    }

    @Test
    void rejectsAPercentThatStartsNoAtom() {
        assertThatThrownBy(() -> AccessLog.compile("%(h)s 50% %(s)s"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("a '%' at position 9 must start an atom such as %(h)s or be doubled as %%");
        assertThatThrownBy(() -> AccessLog.compile("%(h)d"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("a '%' at position 1 must start an atom such as %(h)s or be doubled as %%");
    }

    private static AccessLog.Entry entry(Request request, int status, long bytes, Headers responseHeaders) {
        return new AccessLog.Entry(request, status, bytes, responseHeaders, START, TOOK);
    }
}
