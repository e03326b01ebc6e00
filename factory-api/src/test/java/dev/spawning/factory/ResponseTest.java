package dev.spawning.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseTest {

    @Test
    void reasonPhrasesAreRfc9110sWhateverTheServer() {
        assertThat(Response.reasonPhrase(200)).isEqualTo("OK");
        assertThat(Response.reasonPhrase(413)).isEqualTo("Content Too Large");
        assertThat(Response.reasonPhrase(414)).isEqualTo("URI Too Long");
        assertThat(Response.reasonPhrase(431)).isEqualTo("Request Header Fields Too Large");
        assertThat(Response.reasonPhrase(599)).isEqualTo("Unknown");
    }

    @Test
    void aBuilderStartsWithNoHeadersAndAnEmptyBody() {
        Response response = Response.builder(204).build();

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.headers()).isEqualTo(Headers.empty());
        assertThat(response.body()).isEqualTo(Response.Body.EMPTY);
    }

    @Test
    void aStatusFrom100To999IsAccepted() {
        assertThat(Response.builder(100).build().status()).isEqualTo(100);
        assertThat(Response.builder(999).build().status()).isEqualTo(999);
        assertThat(Response.builder(200).status(404).build().status()).isEqualTo(404);
    }

    @Test
    void aStatusBelow100IsRefused() {
        assertThatThrownBy(() -> Response.builder(99))
                .isInstanceOf(FactoryException.class)
                .hasMessage("A response status must be a three-digit number, not 99");
    }

    @Test
    void aStatusAbove999IsRefused() {
        assertThatThrownBy(() -> Response.builder(200).status(1000))
                .isInstanceOf(FactoryException.class)
                .hasMessage("A response status must be a three-digit number, not 1000");
    }

    @Test
    void textIsPlainUtf8() {
        Response response = Response.text(200, "h\u00e9llo");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).isEqualTo(Headers.of("Content-Type", "text/plain; charset=utf-8"));
        assertThat(response.body()).isEqualTo(new Response.Body.Bytes("h\u00e9llo".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aStringBodyIsEncodedAsUtf8() {
        Response response = Response.builder(200).body("\u20ac").build();

        assertThat(((Response.Body.Bytes) response.body()).data()).containsExactly(0xE2, 0x82, 0xAC);
        assertThat(((Response.Body.Bytes) response.body()).text()).isEqualTo("\u20ac");
    }

    @Test
    void headersReplacesEveryFieldAddedBefore() {
        Response response = Response.builder(200).header("A", "1").header("B", "2")
                .headers(Headers.of("C", "3")).header("D", "4").build();

        assertThat(response.headers()).isEqualTo(Headers.of("C", "3", "D", "4"));
    }

    @Test
    void headerKeepsEarlierFieldsOfTheSameName() {
        Response response = Response.builder(200).header("Set-Cookie", "a=1").header("Set-Cookie", "b=2").build();

        assertThat(response.headers().all("set-cookie")).containsExactly("a=1", "b=2");
    }

    @Test
    void setHeaderReplacesEveryFieldOfTheNameInPlace() {
        Response response = Response.builder(200).header("X-A", "1").header("Vary", "a").header("x-a", "2")
                .setHeader("X-A", "3").build();

        assertThat(response.headers()).isEqualTo(Headers.of("X-A", "3", "Vary", "a"));
    }

    @Test
    void removeHeaderDropsEveryFieldOfTheNameIgnoringCase() {
        Response response = Response.builder(200).header("X-A", "1").header("Vary", "a").header("x-a", "2")
                .removeHeader("X-a").build();

        assertThat(response.headers()).isEqualTo(Headers.of("Vary", "a"));
    }

    @Test
    void toBuilderDerivesANewResponseAndLeavesTheOriginal() {
        Response original = Response.text(200, "done");

        Response upper = original.toBuilder().status(201).header("X", "1").body("DONE").build();

        assertThat(upper.status()).isEqualTo(201);
        assertThat(upper.headers().names()).containsExactly("Content-Type", "X");
        assertThat(((Response.Body.Bytes) upper.body()).text()).isEqualTo("DONE");
        assertThat(original.status()).isEqualTo(200);
        assertThat(original.headers().names()).containsExactly("Content-Type");
        assertThat(((Response.Body.Bytes) original.body()).text()).isEqualTo("done");
    }

    @Test
    void aStreamedBodyWritesThroughItsWriter() throws IOException {
        Response response = Response.builder(200).body(out -> {
            out.write("chunk one, ".getBytes(StandardCharsets.UTF_8));
            out.write("chunk two".getBytes(StandardCharsets.UTF_8));
        }).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(response.body()).isInstanceOf(Response.Body.Streamed.class);
        ((Response.Body.Streamed) response.body()).writer().writeTo(out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("chunk one, chunk two");
    }

    @Test
    void aBodyValueIsUsedAsGiven() {
        Response.Body body = new Response.Body.Bytes(new byte[] {1});

        assertThat(Response.builder(200).body(body).build().body()).isSameAs(body);
    }

    @Test
    void bytesAreEqualByContent() {
        Response.Body.Bytes one = new Response.Body.Bytes(new byte[] {1, 2, 3});
        Response.Body.Bytes same = new Response.Body.Bytes(new byte[] {1, 2, 3});

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(one).isNotEqualTo(new Response.Body.Bytes(new byte[] {1, 2}));
        assertThat(one).hasToString("Bytes[3]");
    }

    @Test
    void bytesTextReadsUtf8() {
        assertThat(new Response.Body.Bytes(new byte[] {(byte) 0xC3, (byte) 0xA9}).text()).isEqualTo("\u00e9");
        assertThat(Response.Body.EMPTY.text()).isEmpty();
    }

    @Test
    void toStringShowsStatusHeadersAndBodySize() {
        assertThat(Response.text(404, "nope"))
                .hasToString("Response[404, [Header[name=Content-Type, value=text/plain; charset=utf-8]], Bytes[4]]");
    }
}
