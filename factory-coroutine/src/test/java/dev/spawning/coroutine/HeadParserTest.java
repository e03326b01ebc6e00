package dev.spawning.coroutine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.Header;
import dev.spawning.factory.ServerSettings;
import dev.spawning.factory.Settings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadParserTest {

    private static final long NO_DEADLINE = Long.MAX_VALUE / 2;

    @Test
    void readsTheRequestLineAndTheFieldsInOrderWithValuesTrimmed() throws Exception {
        RequestHead head = parse("POST /a?b=1 HTTP/1.1\r\nHost: h\r\nX-A: \t one \t\r\nx-a: two\r\n"
                + "Content-Length: 5\r\n\r\nhello");

        assertThat(head.method()).isEqualTo("POST");
        assertThat(head.target()).isEqualTo("/a?b=1");
        assertThat(head.version()).isEqualTo("HTTP/1.1");
        assertThat(head.headers().asList()).containsExactly(new Header("Host", "h"), new Header("X-A", "one"),
                new Header("x-a", "two"), new Header("Content-Length", "5"));
        assertThat(head.contentLength()).isEqualTo(5);
        assertThat(head.clientKeepsAlive()).isTrue();
    }

    @Test
    void keepsHttp10ConnectionsOnlyWhenAskedAndClosesHttp11OnesWhenAsked() throws Exception {
        assertThat(parse("GET / HTTP/1.0\r\n\r\n").clientKeepsAlive()).isFalse();
        assertThat(parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").clientKeepsAlive()).isTrue();
        assertThat(parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").clientKeepsAlive()).isFalse();
    }

    @Test
    void skipsEmptyLinesBeforeTheRequestLine() throws Exception {
        assertThat(parse("\r\n\r\nGET /x HTTP/1.1\r\nHost: h\r\n\r\n").target()).isEqualTo("/x");
    }

    @Test
    void givesNoHeadWhenTheStreamEndsBeforeAnyByte() throws Exception {
        assertThat(parser(Map.of()).parse(input(""), NO_DEADLINE)).isNull();
    }

    @Test
    void acceptsEachTargetFormOnlyWithTheMethodsThatMayUseIt() throws Exception {
        assertThat(parse("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n").target()).isEqualTo("*");
        assertThat(parse("CONNECT [::1]:443 HTTP/1.1\r\nHost: h\r\n\r\n").target()).isEqualTo("[::1]:443");
        assertThat(parse("GET http://u:p@h:8080/p?q HTTP/1.1\r\nHost: h\r\n\r\n").target())
                .isEqualTo("http://u:p@h:8080/p?q");
        assertRefused("GET * HTTP/1.1\r\nHost: h\r\n\r\n", 400, "a request target of a form this method cannot use");
        assertRefused("GET h:443 HTTP/1.1\r\nHost: h\r\n\r\n", 400, "a request target of a form this method cannot use");
        assertRefused("GET foo/bar HTTP/1.1\r\nHost: h\r\n\r\n", 400, "a request target of a form this method cannot use");
        assertRefused("PUT s://]ufd/: HTTP/1.1\r\nHost: h\r\n\r\n", 400, "a request target of a form this method cannot use");
    }

    @Test
    void refusesMalformedRequestLines() {
        assertRefused("GET HTTP/1.1\r\n\r\n", 400, "a request line is METHOD SP TARGET SP HTTP/1.x");
        assertRefused("GET  / HTTP/1.1\r\n\r\n", 400, "a request line is METHOD SP TARGET SP HTTP/1.x");
        assertRefused("get / HTTP/1.1\r\n\r\n", 400, "a method is an upper-case token");
        assertRefused("GET / HTTP/2.0\r\n\r\n", 400, "the version must be HTTP/1.1 or HTTP/1.0");
        assertRefused("GET / HTTP/1.2\r\n\r\n", 400, "the version must be HTTP/1.1 or HTTP/1.0");
        assertRefused("GET / FTP/1.1\r\n\r\n", 400, "a request line is METHOD SP TARGET SP HTTP/1.x");
        assertRefused("GET\n/\nHTTP/1.1\r\n\r\n", 400, "a line must end with CRLF");
    }

    @Test
    void refusesMalformedFields() {
        assertRefused("GET / HTTP/1.1\r\nHost: h\r\nA : b\r\n\r\n", 400, "a field name must be a token");
        assertRefused("GET / HTTP/1.1\r\nHost: h\r\nA: one\r\n two\r\n\r\n", 400, "obsolete line folding");
        assertRefused("GET / HTTP/1.1\r\nHost: h\r\nA: b\u0007c\r\n\r\n", 400, "a control character in a field value");
        assertRefused("GET / HTTP/1.1\r\nHost: h\r\nNo colon\r\n\r\n", 400, "a field name must be a token");
        assertRefused("GET / HTTP/1.1\r\nHost: h\r\nA: b\nC: d\r\n\r\n", 400, "a line must end with CRLF");
        assertRefused("GET / HTTP/1.0\r\nbaz", 400, "the connection closed inside the header fields");
    }

    @Test
    void refusesAmbiguousFraming() {
        assertRefused("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5, 5\r\n\r\n", 400,
                "a Content-Length is digits only");
        assertRefused("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\n", 400,
                "one Content-Length of at most 18 digits");
        assertRefused("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400,
                "Transfer-Encoding needs HTTP/1.1 and no Content-Length");
        assertRefused("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400,
                "Transfer-Encoding needs HTTP/1.1 and no Content-Length");
        assertRefused("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400,
                "chunked must be the last transfer coding, and only once");
        assertRefused("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
                400, "chunked must be the last transfer coding, and only once");
        assertRefused("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501,
                "no transfer coding but chunked is implemented");
        assertRefused("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "Host and Content-Type may come once");
    }

    @Test
    void requiresHostOnHttp11UnlessToldNotTo() throws Exception {
        assertRefused("GET / HTTP/1.1\r\n\r\n", 400, "an HTTP/1.1 request needs a Host field");
        assertThat(parser(Map.of("require_host", "false")).parse(input("GET / HTTP/1.1\r\n\r\n"), NO_DEADLINE))
                .isNotNull();
        assertThat(parse("GET / HTTP/1.0\r\n\r\n").headers().isEmpty()).isTrue();
    }

    @Test
    void enforcesTheLimitsWithTheirStatuses() {
        Map<String, String> small = Map.of("url_length_limit", "20", "max_header_line", "20",
                "max_header_count", "2", "max_headers_size", "30");
        assertRefusedWith(small, "GET /aaaaaaaaaaaaaaaaaaa HTTP/1.1\r\n\r\n", 414);
        assertRefusedWith(small, "GET / HTTP/1.1\r\nHost: hhhhhhhhhhhhhhhhhhhh\r\n\r\n", 431);
        assertRefusedWith(small, "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\n\r\n", 431);
        assertRefusedWith(small, "GET / HTTP/1.1\r\nHost: hhhhhhhhhh\r\nAaaaaaaaa: 111111111\r\n\r\n", 431);
    }

    @Test
    void notesChunkedBodiesAndExpectContinue() throws Exception {
        RequestHead head = parse("PUT / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\nExpect: 100-Continue\r\n\r\n");
        assertThat(head.chunked()).isTrue();
        assertThat(head.contentLength()).isEqualTo(-1);
        assertThat(head.expectContinue()).isTrue();
    }

    private static RequestHead parse(String raw) throws Exception {
        return parser(Map.of()).parse(input(raw), NO_DEADLINE);
    }

    private static void assertRefused(String raw, int status, String reason) {
        assertThatThrownBy(() -> parse(raw)).isInstanceOfSatisfying(HttpError.class, error -> {
            assertThat(error.status()).isEqualTo(status);
            assertThat(error.getMessage()).isEqualTo(reason);
        });
    }

    private static void assertRefusedWith(Map<String, String> settings, String raw, int status) {
        assertThatThrownBy(() -> parser(settings).parse(input(raw), NO_DEADLINE))
                .isInstanceOfSatisfying(HttpError.class, error -> assertThat(error.status()).isEqualTo(status));
    }

    static HeadParser parser(Map<String, String> settings) {
        return new HeadParser(ServerSettings.from(Settings.of(new LinkedHashMap<>(settings))));
    }

    static SocketInput input(String raw) {
        return new SocketInput(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
