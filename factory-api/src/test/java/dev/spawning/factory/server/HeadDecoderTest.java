package dev.spawning.factory.server;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Header;
import dev.spawning.factory.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeadDecoderTest {

    private static final String BAD_LINE = "a request line is METHOD SP TARGET SP HTTP-VERSION";
    private static final String BAD_VERSION = "the version must be HTTP/1.1 or HTTP/1.0";
    private static final String BAD_TARGET = "a request target must be one RFC 3986 allows for its method";
    private static final String BAD_HOST = "a Host field is uri-host [ \":\" port ]";
    private static final String NO_HOST = "an HTTP/1.1 request needs a Host field";
    private static final String BAD_CODINGS = "chunked must be the last transfer coding, and only once";
    private static final String TE_NEEDS = "Transfer-Encoding needs HTTP/1.1 and no Content-Length";
    private static final String ONE_LENGTH = "one Content-Length of at most 18 digits";
    private static final String TOO_MANY = "too many header fields or bytes";

    @Test
    void aSimpleGetIsDecodedWithItsFieldsInOrder() throws HttpRefusal {
        RequestHead head = decode("GET /a?b=c HTTP/1.1\r\nHost: example.com\r\nAccept: \t */* \t\r\nX-Two: 1\r\n"
                + "x-two: 2\r\n\r\n");

        assertThat(head.method()).isEqualTo("GET");
        assertThat(head.target()).isEqualTo("/a?b=c");
        assertThat(head.http11()).isTrue();
        assertThat(head.version()).isEqualTo("HTTP/1.1");
        assertThat(head.headers().asList()).containsExactly(new Header("Host", "example.com"),
                new Header("Accept", "*/*"), new Header("X-Two", "1"), new Header("x-two", "2"));
        assertThat(head.contentLength()).isEqualTo(-1);
        assertThat(head.chunked()).isFalse();
        assertThat(head.hasBody()).isFalse();
        assertThat(head.clientKeepsAlive()).isTrue();
        assertThat(head.awaitsContinue()).isFalse();
    }

    @Test
    void bytesArrivingOneAtATimeGiveTheSameHead() throws HttpRefusal {
        String text = "POST /upload HTTP/1.1\r\nHost: h:8080\r\nContent-Length: 12\r\nConnection: close\r\n\r\n";
        byte[] buf = bytes(text);
        HeadDecoder heads = new HeadDecoder(ServerSettings.DEFAULTS);
        int from = 0;
        for (int to = 1; to <= buf.length; to++) {
            assertThat(heads.complete()).isFalse();
            from = heads.decode(buf, from, to);
            assertThat(from == 0 || buf[from - 1] == '\n').as("whole lines only, at %d of %d", from, to).isTrue();
        }

        assertThat(from).isEqualTo(buf.length);
        assertThat(heads.complete()).isTrue();
        RequestHead head = heads.take();
        assertThat(head).isEqualTo(decode(text));
        assertThat(head.contentLength()).isEqualTo(12);
        assertThat(head.clientKeepsAlive()).isFalse();
    }

    @Test
    void pipelinedHeadsAreDecodedOneAtATime() throws HttpRefusal {
        byte[] buf = bytes("GET /one HTTP/1.1\r\nHost: h\r\n\r\nGET /two HTTP/1.1\r\nHost: h\r\n\r\n");
        HeadDecoder heads = new HeadDecoder(ServerSettings.DEFAULTS);

        int first = heads.decode(buf, 0, buf.length);
        assertThat(first).isEqualTo(buf.length / 2);
        assertThat(heads.take().target()).isEqualTo("/one");
        assertThat(heads.complete()).isFalse();
        assertThat(heads.decode(buf, first, buf.length)).isEqualTo(buf.length);
        assertThat(heads.take().target()).isEqualTo("/two");
        assertThat(heads.ended()).isNull();
    }

    @Test
    void upToEightEmptyLinesBeforeARequestLineAreSkipped() throws HttpRefusal {
        assertThat(decode("\r\n".repeat(8) + "GET / HTTP/1.1\r\nHost: h\r\n\r\n").target()).isEqualTo("/");
        assertRefused("\r\n".repeat(9) + "GET / HTTP/1.1\r\nHost: h\r\n\r\n", 400, BAD_LINE);
    }

    @Test
    void aRequestHasStartedOnceAByteBeyondTheEmptyLinesArrived() throws HttpRefusal {
        HeadDecoder heads = new HeadDecoder(ServerSettings.DEFAULTS);
        byte[] buf = bytes("\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n");

        assertThat(heads.started()).isFalse();
        assertThat(heads.decode(buf, 0, 2)).isEqualTo(2);
        assertThat(heads.started()).isFalse();
        assertThat(heads.decode(buf, 2, 3)).isEqualTo(2);
        assertThat(heads.started()).isTrue();
        assertThat(heads.decode(buf, 2, buf.length)).isEqualTo(buf.length);
        heads.take();
        assertThat(heads.started()).isFalse();
    }

    @Test
    void theEndOfInputIsNothingBeforeARequestAndARefusalInsideOne() throws HttpRefusal {
        assertThat(new HeadDecoder(ServerSettings.DEFAULTS).ended()).isNull();
        assertThat(endedAfter("\r\n")).isNull();

        HttpRefusal inLine = endedAfter("GET /inde");
        assertThat(inLine).extracting(HttpRefusal::status, HttpRefusal::getMessage)
                .containsExactly(400, "the connection closed inside the request line");
        assertThat(inLine.line()).isNull();
        HttpRefusal inFields = endedAfter("GET /index HTTP/1.1\r\nHost: h\r\nAcc");
        assertThat(inFields).extracting(HttpRefusal::status, HttpRefusal::getMessage)
                .containsExactly(400, "the connection closed inside the header fields");
        assertThat(inFields.line()).isEqualTo(new RequestHead.Line("GET", "/index", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n\n", "GET / HTTP/1.1\n", "GET / HTTP/1.1\r\nHost: h\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\n\n"})
    void aLineEndedByABareLfIsRefused(String text) {
        assertRefused(text, 400, "a line must end with CRLF");
    }

    @Test
    void aRequestLineLongerThanUrlLengthLimitIs414() throws HttpRefusal {
        ServerSettings twenty = settings("url_length_limit", "20");

        assertThat(decode(twenty, "GET /abcdef HTTP/1.1\r\nHost: h\r\n\r\n").target()).isEqualTo("/abcdef");
        HttpRefusal refused = refusal(twenty, "GET /abcdefg HTTP/1.1\r\nHost: h\r\n\r\n");
        assertThat(refused).extracting(HttpRefusal::status, HttpRefusal::getMessage)
                .containsExactly(414, "line longer than 20 bytes");
        assertThat(refused.line()).isNull();
        assertRefused("GET /" + "a".repeat(9000) + " HTTP/1.1\r\n", 414, "line longer than 8192 bytes");
    }

    @Test
    void aLongLineThatIsNoRequestLineIs400Not414() {
        assertRefused("A".repeat(9000), 400, "a method is at most 32 bytes");
        assertRefused("A".repeat(33) + " /" + "a".repeat(9000), 400, "a method is at most 32 bytes");
        assertRefused(" /" + "a".repeat(9000), 400, BAD_LINE);
        assertRefused("get /" + "a".repeat(9000), 400, "a method is an upper-case token");
        assertRefused("A".repeat(32) + " /" + "a".repeat(9000), 414, "line longer than 8192 bytes");
    }

    @Test
    void aMethodIsAnUpperCaseTokenOfAtMost32Bytes() throws HttpRefusal {
        assertThat(decode("M-SEARCH / HTTP/1.1\r\nHost: h\r\n\r\n").method()).isEqualTo("M-SEARCH");
        assertThat(decode("A".repeat(32) + " / HTTP/1.1\r\nHost: h\r\n\r\n").method()).hasSize(32);
        assertRefused("A".repeat(33) + " / HTTP/1.1\r\nHost: h\r\n\r\n", 400, "a method is at most 32 bytes");
        assertRefused("get / HTTP/1.1\r\nHost: h\r\n\r\n", 400, "a method is an upper-case token");
        assertRefused("G(T / HTTP/1.1\r\nHost: h\r\n\r\n", 400, "a method is an upper-case token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET  / HTTP/1.1", "GET / HTTP/1.1 ", " GET / HTTP/1.1", "GET /", "GET / ", "GET"})
    void aRequestLineOfAnotherShapeIsRefused(String line) {
        assertRefused(line + "\r\nHost: h\r\n\r\n", 400, BAD_LINE);
    }

    @ParameterizedTest
    @CsvSource({"HTTP/1.0, false", "HTTP/1.1, true", "HTTP/1.2, true", "HTTP/1.9, true"})
    void http10And11AreSpokenAndALaterMinorIsServedAs11(String version, boolean http11) throws HttpRefusal {
        RequestHead head = decode("GET / " + version + "\r\nHost: h\r\n\r\n");

        assertThat(head.http11()).isEqualTo(http11);
        assertThat(head.version()).isEqualTo(http11 ? "HTTP/1.1" : "HTTP/1.0");
    }

    @ParameterizedTest
    @CsvSource({"HTTP/2.0, HTTP/2 is not spoken here", "HTTP/9.9, HTTP/9 is not spoken here"})
    void aWellFormedVersionOfAnotherMajorIs505(String version, String message) {
        assertRefused("GET / " + version + "\r\nHost: h\r\n\r\n", 505, message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/0.99", "HTTP/111", "http/1.1", "FTP/1.1", "HTTP/1.", "HTTP/1.1x", "HTTP/a.1"})
    void aMalformedVersionIs400(String version) {
        assertRefused("GET / " + version + "\r\nHost: h\r\n\r\n", 400, BAD_VERSION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/\u00e9t\u00e9", "/a\u0080", "/a\0b", "/a\tb", "/a\u0001", "/a\u007f", "/\"q\"", "/{x}",
        "/a|b", "/a\\b", "/a^b", "/a`b", "/a<b>", "/a#frag", "/%zz", "/%4", "/a%4g", "/p?[q]", "/[p]", "p", "?q",
        "*", "h:443", "http://h:99999/", "http://h:8x/", "http://h/[p]", "http://h/p?[q]", "http://[::1/",
        "http://a@b@h/", "http:///p", "://h/", "1ttp://h/"})
    void aTargetWithCharactersOrAFormTheMethodMayNotUseIs400(String target) {
        HttpRefusal refused = refusal(ServerSettings.DEFAULTS, "GET " + target + " HTTP/1.1\r\nHost: h\r\n\r\n");

        assertThat(refused).extracting(HttpRefusal::status, HttpRefusal::getMessage).containsExactly(400, BAD_TARGET);
        assertThat(refused.line()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/%41%2f", "/a/b;c?d=e&f=g/h?i", "//a", "/~a-b_c.d!$&'()*+,;=:@?/?"})
    void anOriginFormTargetOfTheAllowedCharactersIsKeptAsSent(String target) throws HttpRefusal {
        assertThat(decode("GET " + target + " HTTP/1.1\r\nHost: h\r\n\r\n").target()).isEqualTo(target);
    }

    @ParameterizedTest
    @CsvSource({"OPTIONS, *", "OPTIONS, /", "CONNECT, example.com:443", "CONNECT, [::1]:443",
        "GET, http://user:pw@h:8080/p?q", "GET, http://[::1]:80/", "GET, http://h", "GET, https://h?q",
        "POST, HTTP://EXAMPLE.COM/"})
    void aTargetOfTheFormItsMethodMayUseIsKeptAsSent(String method, String target) throws HttpRefusal {
        RequestHead head = decode(method + " " + target + " HTTP/1.1\r\nHost: h\r\n\r\n");

        assertThat(head.method()).isEqualTo(method);
        assertThat(head.target()).isEqualTo(target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "example.com", "example.com:", "user@example.com:443", "/path", "http://h:80/",
        "example.com:443/p"})
    void connectTakesOnlyAnAuthorityWithAPortAndNoUserInfo(String target) {
        assertRefused("CONNECT " + target + " HTTP/1.1\r\nHost: h\r\n\r\n", 400, BAD_TARGET);
    }

    @Test
    void anHttp11RequestWithoutHostIsRefusedUnlessRequireHostIsOff() throws HttpRefusal {
        HttpRefusal refused = refusal(ServerSettings.DEFAULTS, "GET /x HTTP/1.1\r\nAccept: */*\r\n\r\n");

        assertThat(refused).extracting(HttpRefusal::status, HttpRefusal::getMessage).containsExactly(400, NO_HOST);
        assertThat(refused.line()).isEqualTo(new RequestHead.Line("GET", "/x", true));
        assertRefused("GET http://h/x HTTP/1.1\r\n\r\n", 400, NO_HOST);
        assertThat(decode(settings("require_host", "false"), "GET /x HTTP/1.1\r\n\r\n").target()).isEqualTo("/x");
        assertThat(decode("GET /x HTTP/1.0\r\n\r\n").http11()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a, b", "a,b", "  a b  ", "a\tb", "user@host", "host/path", "host?q", "host:",
        "host:65536", "host:x", "host:80:80", "[::1", "[::1]x", "[]", "%zz", "h\u00e9"})
    void aHostThatIsNotUriHostAndPortIs400(String host) {
        assertRefused("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n", 400, BAD_HOST);
        assertRefused("GET http://h/ HTTP/1.1\r\nHost: " + host + "\r\n\r\n", 400, BAD_HOST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"host:8080", "[::1]:8080", "example.com", "127.0.0.1", "host:65535", "[::1]"})
    void aHostOfUriHostAndPortIsAccepted(String host) throws HttpRefusal {
        assertThat(decode("GET / HTTP/1.1\r\nHost:  " + host + " \r\n\r\n").headers().first("host")).contains(host);
    }

    @Test
    void hostAndContentTypeMayComeOnlyOnce() {
        String once = "Host and Content-Type may come once";

        assertRefused("GET / HTTP/1.1\r\nHost: h\r\nhost: h\r\n\r\n", 400, once);
        assertRefused("GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n", 400, once);
        assertRefused("POST / HTTP/1.1\r\nHost: h\r\nContent-Type: a/b\r\ncontent-type: a/b\r\n\r\n", 400, once);
    }

    @Test
    void aContentLengthOfDigitsGivesTheBodyLength() throws HttpRefusal {
        assertThat(decode("POST / HTTP/1.1\r\nHost: h\r\ncontent-length:  0 \r\n\r\n").hasBody()).isFalse();
        RequestHead head = decode("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 999999999999999999\r\n\r\n");
        assertThat(head.contentLength()).isEqualTo(999_999_999_999_999_999L);
        assertThat(head.hasBody()).isTrue();
        assertThat(head.chunked()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5, 5|a Content-Length is digits only", "-1|a Content-Length is digits only",
        "+5|a Content-Length is digits only", "5a|a Content-Length is digits only",
        "0x5|a Content-Length is digits only", "5 5|a Content-Length is digits only",
        "''|one Content-Length of at most 18 digits", "1234567890123456789|one Content-Length of at most 18 digits"})
    void aContentLengthThatIsNotOneNumberIs400(String value, String message) {
        assertRefused("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: " + value + "\r\n\r\n", 400, message);
    }

    @Test
    void contentLengthMayComeOnlyOnceEvenWithOneValue() {
        assertRefused("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n", 400, ONE_LENGTH);
    }

    @Test
    void aChunkedBodyHasNoContentLength() throws HttpRefusal {
        RequestHead head = decode("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding:  Chunked \r\n\r\n");

        assertThat(head.chunked()).isTrue();
        assertThat(head.contentLength()).isEqualTo(-1);
        assertThat(head.hasBody()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "chunked, chunked", "chunked, gzip", "chunked,", ",chunked", "", "chunked;q=1",
        "chunked\r\nTransfer-Encoding: chunked", "chunked\r\nTransfer-Encoding: gzip"})
    void transferCodingsWhoseLastIsNotOneChunkedAre400(String codings) {
        assertRefused("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: " + codings + "\r\n\r\n", 400, BAD_CODINGS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip, chunked", "gzip\r\nTransfer-Encoding: chunked", "x-custom,chunked"})
    void anUnknownCodingBeforeChunkedIs501(String codings) {
        assertRefused("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: " + codings + "\r\n\r\n", 501,
                "no transfer coding but chunked is implemented");
    }

    @Test
    void transferEncodingNeedsHttp11AndNoContentLength() {
        assertRefused("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400, TE_NEEDS);
        assertRefused("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n", 400,
                TE_NEEDS);
        assertRefused("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\nTransfer-Encoding: chunked\r\n\r\n", 400,
                TE_NEEDS);
    }

    @Test
    void aMissingHostIsReportedBeforeTheTransferCodings() {
        assertRefused("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 400, NO_HOST);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Host : h|a field name must be a token", "Host\t: h|a field name must be a token",
        "X(y): z|a field name must be a token", "X\u00e9: z|a field name must be a token",
        "NoColon|a field line needs a name and a colon", ": v|a field line needs a name and a colon",
        "' folded'|obsolete line folding", "'\tfolded'|obsolete line folding"})
    void aMalformedFieldLineIs400AndNamesTheRequestLine(String field, String message) {
        HttpRefusal refused = refusal(ServerSettings.DEFAULTS, "PUT /f HTTP/1.1\r\nHost: h\r\n" + field + "\r\n\r\n");

        assertThat(refused).extracting(HttpRefusal::status, HttpRefusal::getMessage).containsExactly(400, message);
        assertThat(refused.line()).isEqualTo(new RequestHead.Line("PUT", "/f", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0001b", "a\0b", "a\rb", "a\u007fb", "a\u001bb", "\r"})
    void aControlCharacterInAFieldValueIs400(String value) {
        assertRefused("GET / HTTP/1.1\r\nHost: h\r\nX: " + value + "\r\n\r\n", 400,
                "a control character in a field value");
    }

    @Test
    void aFieldLineMustStayShorterThanMaxHeaderLineWithItsCrlf() throws HttpRefusal {
        ServerSettings hundred = settings("max_header_line", "100");
        String fits = "X: " + "a".repeat(94);

        assertThat(hundred.headerLineTooLong(fits.length())).isFalse();
        assertThat(decode(hundred, "GET / HTTP/1.1\r\nHost: h\r\n" + fits + "\r\n\r\n").headers().size()).isEqualTo(2);
        assertThat(hundred.headerLineTooLong(fits.length() + 1)).isTrue();
        HttpRefusal refused = refusal(hundred, "GET / HTTP/1.1\r\nHost: h\r\n" + fits + "a\r\n\r\n");
        assertThat(refused).extracting(HttpRefusal::status, HttpRefusal::getMessage)
                .containsExactly(431, "line longer than 97 bytes");
        assertThat(refused.line()).isEqualTo(new RequestHead.Line("GET", "/", true));
    }

    @Test
    void moreFieldsThanMaxHeaderCountAre431() throws HttpRefusal {
        ServerSettings three = settings("max_header_count", "3");

        assertThat(decode(three, "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\n\r\n").headers().size()).isEqualTo(3);
        assertRefused(three, "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", 431, TOO_MANY);
        assertRefused(three, "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nbad line\r\n\r\n", 431, TOO_MANY);
    }

    @Test
    void moreFieldBytesThanMaxHeadersSizeAre431() throws HttpRefusal {
        ServerSettings small = settings("max_headers_size", "64");
        String head = "GET / HTTP/1.1\r\nHost: h\r\nX: ";

        assertThat(decode(small, head + "a".repeat(50) + "\r\n\r\n").headers().size()).isEqualTo(2);
        assertRefused(small, head + "a".repeat(51) + "\r\n\r\n", 431, TOO_MANY);
    }

    @Test
    void expectContinueWithABodyMeansTheClientAwaitsContinue() throws HttpRefusal {
        String post = "POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\n";

        assertThat(decode(post + "Content-Length: 5\r\n\r\n").awaitsContinue()).isTrue();
        assertThat(decode(post + "Transfer-Encoding: chunked\r\n\r\n").awaitsContinue()).isTrue();
        assertThat(decode(post + "Content-Length: 0\r\n\r\n").awaitsContinue()).isFalse();
        assertThat(decode(post + "\r\n").awaitsContinue()).isFalse();
        assertThat(decode("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n").awaitsContinue())
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"HTTP/1.1||true", "HTTP/1.1|Connection: close|false",
        "HTTP/1.1|Connection: Keep-Alive, CLOSE|false", "HTTP/1.0||false", "HTTP/1.0|Connection: keep-alive|true",
        "HTTP/1.0|Connection: upgrade, Keep-Alive|true"})
    void theClientKeepsAliveByDefaultOn11AndOnlyWhenAskedOn10(String version, String field, boolean keepsAlive)
            throws HttpRefusal {
        String fields = field == null ? "" : field + "\r\n";

        assertThat(decode("GET / " + version + "\r\nHost: h\r\n" + fields + "\r\n").clientKeepsAlive())
                .isEqualTo(keepsAlive);
    }

    private static ServerSettings settings(String key, String value) {
        return ServerSettings.from(Settings.builder("server:test").put(key, value).build());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(ISO_8859_1);
    }

    private static RequestHead decode(String text) throws HttpRefusal {
        return decode(ServerSettings.DEFAULTS, text);
    }

    /** Decodes {@code text}, given at once, which must be exactly one whole head. */
    private static RequestHead decode(ServerSettings settings, String text) throws HttpRefusal {
        HeadDecoder heads = new HeadDecoder(settings);
        byte[] buf = bytes(text);

        assertThat(heads.decode(buf, 0, buf.length)).isEqualTo(buf.length);
        assertThat(heads.complete()).isTrue();
        return heads.take();
    }

    private static HttpRefusal refusal(ServerSettings settings, String text) {
        HeadDecoder heads = new HeadDecoder(settings);
        byte[] buf = bytes(text);
        try {
            heads.decode(buf, 0, buf.length);
        } catch (HttpRefusal refused) {
            return refused;
        }
        String shown = text.replace("\r", "\\r").replace("\n", "\\n");
        shown = shown.length() > 120 ? shown.substring(0, 120) + "..." : shown;
        throw new AssertionError("Not refused: " + shown + " gave " + (heads.complete() ? heads.take() : "no head"));
    }

    private static void assertRefused(String text, int status, String message) {
        assertRefused(ServerSettings.DEFAULTS, text, status, message);
    }

    private static void assertRefused(ServerSettings settings, String text, int status, String message) {
        assertThat(refusal(settings, text)).extracting(HttpRefusal::status, HttpRefusal::getMessage)
                .containsExactly(status, message);
    }

    private static HttpRefusal endedAfter(String text) throws HttpRefusal {
        HeadDecoder heads = new HeadDecoder(ServerSettings.DEFAULTS);
        byte[] buf = bytes(text);
        heads.decode(buf, 0, buf.length);
        return heads.ended();
    }
}
