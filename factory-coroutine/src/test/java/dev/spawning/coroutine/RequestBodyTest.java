package dev.spawning.coroutine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.Header;
import dev.spawning.factory.server.ServerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBodyTest {

    private static final long SECOND = 1_000_000_000L;

    private final List<String> events = new ArrayList<>();

    @Test
    void decodesChunksIgnoringExtensionsAndGivesTheTrailers() throws Exception {
        RequestBody body = chunked("5;name=\"a b\"\r\nhello\r\n0006\r\n world\r\nA\r\n0123456789\r\n0\r\n"
                + "Checksum: abc\r\nX-B:  2 \r\n\r\nNEXT");

        assertThat(text(body)).isEqualTo("hello world0123456789");
        assertThat(body.complete()).isTrue();
        assertThat(body.trailers().asList()).containsExactly(new Header("Checksum", "abc"), new Header("X-B", "2"));
    }

    @Test
    void leavesTheBytesAfterTheBodyForTheNextRequest() throws Exception {
        SocketInput in = HeadParserTest.input("hello" + "GET /next HTTP/1.1\r\nHost: h\r\n\r\n");
        RequestBody body = new RequestBody(in, null, 5, SECOND, 0, null);

        assertThat(text(body)).isEqualTo("hello");
        assertThat(HeadParserTest.parser(java.util.Map.of()).parse(in, Long.MAX_VALUE / 2).target()).isEqualTo("/next");
    }

    @Test
    void refusesMalformedChunkSizesWith400() {
        for (String bad : List.of("6_\r\nhello!\r\n0\r\n\r\n", "0 \r\n\r\n", " 0\r\n\r\n", "5\n;\r\nhello\r\n0\r\n\r\n",
                "\r\nhello\r\n0\r\n\r\n", "-5\r\nhello\r\n0\r\n\r\n", "5;ext=val\rue\r\nhello\r\n0\r\n\r\n",
                "1000000000000000\r\n", "5\r\nhello world\r\n0\r\n\r\n")) {
            assertThatThrownBy(() -> text(chunked(bad))).as(bad)
                    .isInstanceOfSatisfying(BodyError.class, error -> assertThat(error.status()).isEqualTo(400));
        }
    }

    @Test
    void refusesFramingAndRoutingFieldsInTrailers() {
        assertThatThrownBy(() -> text(chunked("0\r\nContent-Length: 5\r\n\r\n")))
                .isInstanceOf(BodyError.class).hasMessage("a trailer may not be Content-Length");
        assertThatThrownBy(() -> text(chunked("0\r\nHost: evil\r\n\r\n")))
                .isInstanceOf(BodyError.class).hasMessage("a trailer may not be Host");
    }

    @Test
    void failsWhenTheConnectionClosesBeforeTheEndAndKeepsFailing() {
        RequestBody body = chunked("5\r\nhello\r\n0\r\n");
        assertThatThrownBy(() -> text(body)).isInstanceOf(BodyError.class)
                .hasMessage("the connection closed inside a chunked body");
        assertThat(body.broken()).isTrue();
        assertThatThrownBy(body::read).isInstanceOf(BodyError.class);
    }

    @Test
    void failsWhenTheClientClosesBeforeTheDeclaredLengthArrived() {
        RequestBody body = new RequestBody(HeadParserTest.input("hel"), null, 5, SECOND, 0, null);

        assertThatThrownBy(() -> text(body)).isInstanceOfSatisfying(BodyError.class, error -> {
            assertThat(error.status()).isEqualTo(400);
            assertThat(error).hasMessage("the connection closed inside the body");
        });
        assertThat(body.broken()).isTrue();
    }

    @Test
    void failsWith413OnceAChunkedBodyOutgrowsTheLimit() {
        SocketInput in = HeadParserTest.input("5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n");
        RequestBody body = new RequestBody(in, decoder(in), 0, SECOND, 8, null);

        assertThatThrownBy(() -> text(body)).isInstanceOfSatisfying(BodyError.class,
                error -> assertThat(error.status()).isEqualTo(413));
    }

    @Test
    void sendsContinueOnTheFirstReadOnly() throws Exception {
        SocketInput in = HeadParserTest.input("hello");
        RequestBody body = new RequestBody(in, null, 5, SECOND, 0, () -> events.add("100"));

        assertThat(body.continueWithheld()).isTrue();
        assertThat(events).isEmpty();
        assertThat(text(body)).isEqualTo("hello");
        assertThat(events).containsExactly("100");
        assertThat(body.continueWithheld()).isFalse();
    }

    @Test
    void drainsWhatTheAppLeftUpToTheLimit() {
        SocketInput in = HeadParserTest.input("x".repeat(100));
        assertThat(new RequestBody(in, null, 100, SECOND, 0, null).drain(100)).isTrue();
        assertThat(in.buffered()).isZero();
        assertThat(new RequestBody(HeadParserTest.input("x".repeat(100)), null, 100, SECOND, 0, null).drain(99))
                .isFalse();
        assertThat(new RequestBody(HeadParserTest.input("hello"), null, 5, SECOND, 0, () -> { }).drain(100))
                .as("a body the client was never asked for is not waited for").isFalse();
        assertThat(chunked("5\r\nhello\r\n0\r\n\r\n").drain(100))
                .as("a chunked body has no known length, so it is not drained").isFalse();
    }

    private static RequestBody chunked(String raw) {
        SocketInput in = HeadParserTest.input(raw);
        return new RequestBody(in, decoder(in), 0, SECOND, 0, null);
    }

    private static ChunkedDecoder decoder(SocketInput in) {
        return new ChunkedDecoder(in, ServerSettings.DEFAULTS);
    }

    private static String text(RequestBody body) throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
