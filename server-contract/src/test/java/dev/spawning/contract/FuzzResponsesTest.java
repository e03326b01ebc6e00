package dev.spawning.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FuzzResponsesTest {

    private static FuzzResponses.Parsed parse(String wire) {
        return FuzzResponses.parse(FuzzBytes.ascii(wire));
    }

    @Test
    void keepsInterimResponsesAndSplitsByContentLength() {
        FuzzResponses.Parsed parsed = parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
                + "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(parsed.statuses()).containsExactly(100, 200, 400);
        assertThat(parsed.unparsed()).isZero();
    }

    @Test
    void readsChunkedBodiesWithAndWithoutTrailers() {
        FuzzResponses.Parsed parsed = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHTTP/\r\n0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nT: 1\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n");

        assertThat(parsed.statuses()).containsExactly(200, 200, 204);
        assertThat(parsed.unparsed()).isZero();
    }

    @Test
    void takesADeclaredBodyAsAbsentWhenAStatusLineOrNothingFollowsTheHead() {
        FuzzResponses.Parsed parsed = parse("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}" + "HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n");

        assertThat(parsed.statuses()).containsExactly(200, 200, 200);
        assertThat(parsed.unparsed()).isZero();
    }

    @Test
    void countsATruncatedResponseAsUnparsedBytes() {
        FuzzResponses.Parsed parsed = parse("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n{\"a\"");

        assertThat(parsed.statuses()).containsExactly(200, 200);
        assertThat(parsed.unparsed()).isEqualTo(42);
    }

    @Test
    void readsABodyWithoutFramingToTheEnd() {
        FuzzResponses.Parsed parsed = parse("HTTP/1.0 200 OK\r\n\r\nstreamed\r\n\r\nto the end");

        assertThat(parsed.statuses()).containsExactly(200);
        assertThat(parsed.unparsed()).isZero();
    }
}
