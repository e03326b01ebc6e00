package dev.spawning.undertow;

import static org.assertj.core.api.Assertions.assertThat;

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

    private final TrackedConnection tracked = new TrackedConnection(null, 0);

    @Test
    void insertsHostBeforeTheBlankLineOfEachHttp11HeadWithoutOne() {
        String wire = "GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\nHost: b\r\n\r\nGET /c HTTP/1.0\r\n\r\n"
                + "GET /d HTTP/1.1\r\nAccept: */*\r\n\r\n";

        for (int size = 1; size <= 16; size++) {
            assertThat(readThrough(wire, 5, size)).as("reads of %d bytes", size).isEqualTo(
                    "GET /a HTTP/1.1\r\nHost: localhost\r\n\r\nGET /b HTTP/1.1\r\nHost: b\r\n\r\nGET /c HTTP/1.0\r\n\r\n"
                    + "GET /d HTTP/1.1\r\nAccept: */*\r\nHost: localhost\r\n\r\n");
        }
    }

    @Test
    void reportsEachHeadInOrderAndSkipsBodiesThatLookLikeHeads() {
        String wire = "POST /1 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "c;ext=\"x\"\r\nGET /\r\n\r\nXYZ\r\n0\r\nTrailer: t\r\n\r\n"
                + "PUT /2 HTTP/1.1\r\nHost: h\r\nContent-Length: 19\r\n\r\nGET / HTTP/1.1\r\n\r\n"
                + "GET /3 HTTP/1.1\r\nHost: h\r\nLong: one\r\n two\r\n\r\n";

        assertThat(readThrough(wire, 7, 3)).isEqualTo(wire);
        assertThat(List.of(next(), next(), next())).containsExactly(
                new HeadFacts(false, false, "/1"), new HeadFacts(false, false, "/2"), new HeadFacts(false, true, "/3"));
        assertThat(tracked.isFramingLost()).isFalse();
    }

    @Test
    void cutsTheUserinfoOfAnAbsoluteTargetButReportsTheTargetAsSent() {
        String wire = "GET http://user:pw@example.com:8080/a HTTP/1.1\r\nHost: example.com:8080\r\n\r\n";

        assertThat(readThrough(wire, 4096, 4096))
                .isEqualTo("GET http://example.com:8080/a HTTP/1.1\r\nHost: example.com:8080\r\n\r\n");
        assertThat(next().target()).isEqualTo("http://user:pw@example.com:8080/a");
    }

    @Test
    void insertsTheAuthorityOfAnAbsoluteTargetAsHost() {
        assertThat(readThrough("GET http://example.com/a HTTP/1.1\r\n\r\n", 4096, 4096))
                .isEqualTo("GET http://example.com/a HTTP/1.1\r\nHost: example.com\r\n\r\n");
    }

    @Test
    void marksTheFramingLostAtAChunkSizeThatIsNotHexAndWithholdsWhatFollows() {
        String delivered = readThrough("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6_0\r\n world\r\n", 4096, 4096);

        assertThat(tracked.isFramingLost()).isTrue();
        assertThat(delivered).as("Undertow's chunk parser would close the connection on the bad byte")
                .endsWith("5\r\nhello\r\n6");
    }

    private HeadFacts next() {
        return tracked.exchangeStarted(null);
    }

    /**
     * What a reader with buffers of {@code readSize} bytes gets from the conduit, when the socket
     * delivers the wire in pieces of {@code socketSize} bytes.
     */
    private String readThrough(String wire, int socketSize, int readSize) {
        ObservedSourceConduit conduit = new ObservedSourceConduit(socket(wire, socketSize), tracked);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(readSize);
        try {
            // 0: nothing more comes (the socket here never returns 0 before its end; the conduit
            // does once it withholds the bytes after a lost framing).
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
