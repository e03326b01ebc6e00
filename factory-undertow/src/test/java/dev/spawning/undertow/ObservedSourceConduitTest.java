package dev.spawning.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.server.ServerMetrics;
import dev.spawning.factory.server.ServerSettings;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xnio.conduits.StreamSourceConduit;

/** The byte stream Undertow's parser sees through the conduit, read in pieces of every size. */
class ObservedSourceConduitTest {

    private final TrackedConnection tracked = new TrackedConnection(null, 0, new Counts(ServerMetrics.off()));

    @Test
    void givesUndertowACanonicalHeadForEachHeadAndTheHeadAsSentToTheApp() {
        String wire = "get-not-upper / HTTP/1.1\r\n\r\n";
        String pipelined = "GET /a?b HTTP/1.1\r\nHost: example.com\r\nX-A: 1\r\n\r\n"
                + "HEAD http://u:p@h:8/p HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
                + "POST /c HTTP/1.2\r\nhost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\n"
                + "Connection: close\r\n\r\nabc";

        for (int size = 1; size <= 16; size++) {
            assertThat(readThrough(pipelined, 5, size)).as("reads of %d bytes", size).isEqualTo(
                    "GET / HTTP/1.1\r\nHost: h\r\n\r\n"
                    + "HEAD / HTTP/1.0\r\nHost: h\r\nConnection: keep-alive\r\n\r\n"
                    + "GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nConnection: close\r\n"
                    + "Expect: 100-continue\r\n\r\nabc");
            assertThat(List.of(next().head().requestLine(), next().head().requestLine(), next().head().requestLine()))
                    .containsExactly("GET /a?b HTTP/1.1", "HEAD http://u:p@h:8/p HTTP/1.0", "POST /c HTTP/1.1");
        }
        assertThat(readThrough(wire, 64, 64)).isEqualTo("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
        HeadFacts refused = next();
        assertThat(refused.refusal()).isEqualTo(400);
        assertThat(refused.lineRead()).isFalse();
    }

    @Test
    void rechunksAChunkedBodyWithoutItsExtensionsAndKeepsItsTrailersForTheApp() {
        String wire = "POST /1 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "c;ext=\"x\"\r\nGET /\r\n\r\nXYZ\r\n0\r\nTrailer: t\r\n\r\n"
                + "GET /2 HTTP/1.1\r\nHost: h\r\n\r\n";

        assertThat(readThrough(wire, 4096, 4096)).isEqualTo(
                "GET / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nc\r\nGET /\r\n\r\nXYZ\r\n0\r\n\r\n"
                + "GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        HeadFacts chunked = next();
        assertThat(chunked.trailers().first("Trailer")).contains("t");
        assertThat(chunked.bodyRefused()).isFalse();
        assertThat(next().head().target()).isEqualTo("/2");
    }

    @Test
    void endsUndertowsInputWhereAChunkedBodyBreaksAndRefusesTheBody() {
        String delivered = readThrough("GET /1 HTTP/1.1\r\nHost: h\r\n\r\n"
                + "POST /2 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6_0\r\n world\r\n", 4096, 4096);

        assertThat(next().bodyRefused()).as("the request before the broken body is not touched").isFalse();
        assertThat(next().bodyRefused()).isTrue();
        assertThat(delivered).endsWith("chunked\r\n\r\n5\r\nhello\r\n");
    }

    @Test
    void refusesAHeadTheClientCutShortAndABodyItCutShort() {
        assertThat(readThrough("GET / HTTP/1.1\r\nHost: h\r\n", 4096, 4096))
                .isEqualTo("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
        assertThat(next().refusal()).isEqualTo(400);

        assertThat(readThrough("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 9\r\n\r\nabc", 4096, 4096))
                .endsWith("Content-Length: 9\r\n\r\nabc");
        assertThat(next().bodyRefused()).isTrue();
    }

    private HeadFacts next() {
        return tracked.exchangeStarted(null);
    }

    /**
     * What a reader with buffers of {@code readSize} bytes gets from the conduit, when the socket
     * delivers the wire in pieces of {@code socketSize} bytes.
     */
    private String readThrough(String wire, int socketSize, int readSize) {
        ObservedSourceConduit conduit = new ObservedSourceConduit(socket(wire, socketSize), ServerSettings.DEFAULTS,
                tracked);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(readSize);
        try {
            // The socket here never returns 0 before its end.
            for (int count = conduit.read(buffer); count > 0; count = conduit.read(buffer)) {
                out.write(buffer.array(), 0, buffer.flip().remaining());
                buffer.clear();
            }
        } catch (java.io.IOException impossible) {
            throw new AssertionError(impossible);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** A socket that delivers the wire in pieces, then its end; every other call does nothing. */
    private static StreamSourceConduit socket(String wire, int pieceSize) {
        List<byte[]> pieces = new ArrayList<>();
        byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
        for (int at = 0; at < bytes.length; at += pieceSize) {
            pieces.add(java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + pieceSize)));
        }
        ByteBuffer[] current = {ByteBuffer.allocate(0)};
        return (StreamSourceConduit) Proxy.newProxyInstance(StreamSourceConduit.class.getClassLoader(),
                new Class<?>[] {StreamSourceConduit.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("read") || !(args[0] instanceof ByteBuffer dst)) {
                        return method.getReturnType() == boolean.class ? false : null;
                    }
                    if (!current[0].hasRemaining()) {
                        if (pieces.isEmpty()) {
                            return -1;
                        }
                        current[0] = ByteBuffer.wrap(pieces.removeFirst());
                    }
                    int count = Math.min(dst.remaining(), current[0].remaining());
                    dst.put(current[0].slice(current[0].position(), count));
                    current[0].position(current[0].position() + count);
                    return count;
                });
    }
}
