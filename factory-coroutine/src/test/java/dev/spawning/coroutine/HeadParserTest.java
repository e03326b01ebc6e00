package dev.spawning.coroutine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.Header;
import dev.spawning.factory.Settings;
import dev.spawning.factory.server.HttpRefusal;
import dev.spawning.factory.server.RequestHead;
import dev.spawning.factory.server.ServerSettings;
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
    void readsAHeadLongerThanTheSmallBufferAndLeavesTheNextRequestInTheInput() throws Exception {
        String value = "v".repeat(3 * SocketInput.SMALL);
        SocketInput in = input("GET /one HTTP/1.1\r\nHost: h\r\nX-Long: " + value + "\r\n\r\nGET /two HTTP/1.1\r\n");

        RequestHead head = parser(Map.of()).parse(in, NO_DEADLINE);

        assertThat(head.headers().first("X-Long")).contains(value);
        assertThat(new String(in.buffer(), in.position(), in.buffered(), StandardCharsets.ISO_8859_1))
                .isEqualTo("GET /two HTTP/1.1\r\n");
    }

    @Test
    void refusesAHeadTheClientCutShortAndTheRulesTheSharedDecoderChecks() {
        assertRefused("GET / HTTP/1.0\r\nbaz", 400, "the connection closed inside the header fields");
        assertRefused("GET / HT", 400, "the connection closed inside the request line");
        assertRefused("GET / HTTP/2.0\r\n\r\n", 505, "HTTP/2 is not spoken here");
        assertRefused("GET /\u00e9 HTTP/1.1\r\nHost: h\r\n\r\n", 400,
                "a request target must be one RFC 3986 allows for its method");
        assertRefused("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501,
                "no transfer coding but chunked is implemented");
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
        assertThatThrownBy(() -> parse(raw)).isInstanceOfSatisfying(HttpRefusal.class, error -> {
            assertThat(error.status()).isEqualTo(status);
            assertThat(error.getMessage()).isEqualTo(reason);
        });
    }

    private static void assertRefusedWith(Map<String, String> settings, String raw, int status) {
        assertThatThrownBy(() -> parser(settings).parse(input(raw), NO_DEADLINE))
                .isInstanceOfSatisfying(HttpRefusal.class, error -> assertThat(error.status()).isEqualTo(status));
    }

    static HeadParser parser(Map<String, String> settings) {
        return new HeadParser(ServerSettings.from(Settings.of(new LinkedHashMap<>(settings))));
    }

    static SocketInput input(String raw) {
        return new SocketInput(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
