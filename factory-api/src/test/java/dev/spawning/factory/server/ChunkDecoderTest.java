package dev.spawning.factory.server;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkDecoderTest {

    private static final String BAD_SIZE_LINE = "a chunk size line is hex digits and chunk extensions";
    private static final String BAD_DATA_END = "chunk data must end with CRLF where its size says";

    @Test
    void aChunkedBodyIsDecodedFrameByFrame() throws HttpRefusal {
        byte[] buf = bytes("5\r\nhello\r\n0\r\n\r\n");
        ChunkDecoder chunks = new ChunkDecoder(ServerSettings.DEFAULTS);

        assertThat(chunks.decode(buf, 0, buf.length)).isEqualTo(3);
        assertThat(chunks.dataRemaining()).isEqualTo(5);
        assertThat(chunks.decode(buf, 3, buf.length)).as("data is the caller's").isEqualTo(3);
        chunks.consumed(5);
        assertThat(chunks.dataRemaining()).isZero();
        assertThat(chunks.done()).isFalse();
        assertThat(chunks.decode(buf, 8, buf.length)).isEqualTo(buf.length);
        assertThat(chunks.done()).isTrue();
        assertThat(chunks.trailers().isEmpty()).isTrue();
    }

    @Test
    void chunksOfEveryHexSizeGiveTheirDataAndTheBytesAfterTheBodyAreLeft() throws HttpRefusal {
        Body body = new Body();
        String text = "5\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\na\r\nabcdefghij\r\n000000000000001\r\n!\r\n0\r\n\r\n";

        assertThat(body.feed(bytes(text + "GET / HTTP/1.1\r\n"), text.length() + 16)).isTrue();
        assertThat(body.data).hasToString("hello 0123456789abcdefghij!");
        assertThat(body.at).isEqualTo(text.length());
    }

    @Test
    void bytesArrivingOneAtATimeGiveTheSameBody() throws HttpRefusal {
        byte[] buf = bytes("5\r\nhello\r\n6;x=\"y\"\r\n world\r\n0\r\nA: b\r\n\r\n");
        Body body = new Body();

        for (int to = 1; to < buf.length; to++) {
            assertThat(body.feed(buf, to)).as("done after %d of %d bytes", to, buf.length).isFalse();
        }
        assertThat(body.feed(buf, buf.length)).isTrue();
        assertThat(body.data).hasToString("hello world");
        assertThat(body.at).isEqualTo(buf.length);
        assertThat(body.chunks.trailers().asList()).containsExactly(new Header("A", "b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {";a", ";a=b", " ; a = \"q\\\"x\"", "\t;\ta\t=\tb", ";a;b=c;d=\"\"", ";a=\"x y\\\\;z\"",
        ";!#$%&'*+-.^_`|~=!#$%&'*+-.^_`|~", " ;a ;b"})
    void validChunkExtensionsAreIgnored(String extensions) throws HttpRefusal {
        Body body = new Body();
        byte[] buf = bytes("5" + extensions + "\r\nhello\r\n0" + extensions + "\r\n\r\n");

        assertThat(body.feed(buf, buf.length)).isTrue();
        assertThat(body.data).hasToString("hello");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5;", "5;=b", "5;a=", "5;a=b c", "5;a b", "5 ", "5\t", "5;a ", "5;a=b;", "5 5", "+5",
        "0x5", "-1", " 5", "", ";a", "5;a\rb", "5\r", "5;a\0", "5;a=\"x\0\"", "5;a=\"x\u0001\"", "5;a=\"open",
        "5;a=\"x\\\"", "5;a\u0001", "5;a=b\u007f", "5;(a)", "5;a=\"x\"y", "g"})
    void aMalformedChunkSizeLineIs400(String line) {
        assertRefused(line + "\r\nhello\r\n0\r\n\r\n", 400, BAD_SIZE_LINE);
    }

    @Test
    void aChunkSizeHasAtMost15HexDigits() throws HttpRefusal {
        Body body = new Body();
        byte[] fifteen = bytes("00000000000000f\r\n" + "x".repeat(15) + "\r\n0\r\n\r\n");
        assertThat(body.feed(fifteen, fifteen.length)).isTrue();
        assertThat(body.data).hasSize(15);

        assertRefused("0000000000000005\r\nhello\r\n0\r\n\r\n", 400, "a chunk size of more than 15 hex digits");
    }

    @Test
    void aChunkSizeLineLongerThan4096BytesIs400() throws HttpRefusal {
        Body body = new Body();
        String fits = "5;a=" + "b".repeat(4092);
        byte[] buf = bytes(fits + "\r\nhello\r\n0\r\n\r\n");
        assertThat(body.feed(buf, buf.length)).isTrue();

        assertRefused(fits + "b\r\nhello\r\n0\r\n\r\n", 400, "line longer than 4096 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5\nhello\r\n0\r\n\r\n", "5\r\nhello\r\n0\n\r\n", "5\r\nhello\r\n0\r\n\n",
        "0\r\nA: b\n\r\n"})
    void aLineEndedByABareLfIs400(String text) {
        assertRefused(text, 400, "a line must end with CRLF");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5\r\nhelloX\r\n0\r\n\r\n", "5\r\nhello\r0\r\n\r\n", "5\r\nhello\n0\r\n\r\n",
        "5\r\nhello\r\r\n0\r\n\r\n", "3\r\nhello\r\n0\r\n\r\n"})
    void chunkDataNotFollowedByCrlfIs400(String text) {
        assertRefused(text, 400, BAD_DATA_END);
    }

    @Test
    void aBareCrAfterDataIsRefusedWhenItsNextByteArrives() throws HttpRefusal {
        Body body = new Body();
        byte[] buf = bytes("5\r\nhello\rX");

        assertThat(body.feed(buf, buf.length - 1)).isFalse();
        assertThat(refusal(body, buf)).extracting(HttpRefusal::status, HttpRefusal::getMessage)
                .containsExactly(400, BAD_DATA_END);
    }

    @Test
    void trailerFieldsAreCollectedInOrder() throws HttpRefusal {
        Body body = new Body();
        byte[] buf = bytes("0\r\nA: b\r\nx-check:  c d \r\n\r\n");

        assertThat(body.feed(buf, buf.length)).isTrue();
        assertThat(body.chunks.trailers().asList()).containsExactly(new Header("A", "b"), new Header("x-check", "c d"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Host", "host", "Content-Length", "TRANSFER-ENCODING"})
    void aTrailerMayNotFrameOrRouteTheMessage(String name) {
        assertRefused("0\r\n" + name + ": x\r\n\r\n", 400, "a trailer may not be " + name);
    }

    @Test
    void aMalformedTrailerIsRefusedLikeAHeaderField() {
        assertRefused("0\r\nA : b\r\n\r\n", 400, "a field name must be a token");
        assertRefused("0\r\nA: b\r\n folded\r\n\r\n", 400, "obsolete line folding");
        assertRefused("0\r\nA: b\u0001\r\n\r\n", 400, "a control character in a field value");
    }

    @Test
    void theEndOfInputInsideABodyIs400() {
        assertThat(new ChunkDecoder(ServerSettings.DEFAULTS).ended())
                .extracting(HttpRefusal::status, HttpRefusal::getMessage)
                .containsExactly(400, "the connection closed inside a chunked body");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(ISO_8859_1);
    }

    private static void assertRefused(String text, int status, String message) {
        assertThat(refusal(new Body(), bytes(text))).extracting(HttpRefusal::status, HttpRefusal::getMessage)
                .containsExactly(status, message);
    }

    private static HttpRefusal refusal(Body body, byte[] buf) {
        try {
            body.feed(buf, buf.length);
        } catch (HttpRefusal refused) {
            return refused;
        }
        throw new AssertionError("Not refused: " + shown(new String(buf, ISO_8859_1)) + " gave data '"
                + shown(body.data.toString()) + "', done " + body.chunks.done());
    }

    private static String shown(String text) {
        String escaped = text.replace("\r", "\\r").replace("\n", "\\n");
        return escaped.length() > 120 ? escaped.substring(0, 120) + "..." : escaped;
    }

    /** A reader of one chunked body that takes data as it comes, as a provider does. */
    private static final class Body {

        final ChunkDecoder chunks = new ChunkDecoder(ServerSettings.DEFAULTS);
        final StringBuilder data = new StringBuilder();
        int at;

        /** Decodes {@code buf[at, to)}, taking the data it holds; returns whether the body ended. */
        boolean feed(byte[] buf, int to) throws HttpRefusal {
            while (true) {
                at = chunks.decode(buf, at, to);
                int n = (int) Math.min(chunks.dataRemaining(), to - at);
                if (n == 0) {
                    return chunks.done();
                }
                data.append(new String(buf, at, n, ISO_8859_1));
                chunks.consumed(n);
                at += n;
            }
        }
    }
}
