package dev.spawning.coroutine;

import dev.spawning.factory.Headers;
import dev.spawning.factory.server.ChunkDecoder;
import dev.spawning.factory.server.HttpRefusal;
import dev.spawning.factory.server.ServerSettings;
import java.io.IOException;

/**
 * A chunked body (RFC 9112 section 7.1) read from a connection's input: the framing is decoded by
 * the decoder every provider shares ({@link ChunkDecoder}), reading as it needs; the data is left
 * in the input for {@link RequestBody} to take. Malformed framing, or an input that ends inside the
 * body, is a {@link BodyError} with the refusal's status.
 *
 * <p>Threading: used by the thread reading the request body.
 */
final class ChunkedDecoder {

    private final SocketInput in;
    private final ChunkDecoder chunks;

    ChunkedDecoder(SocketInput in, ServerSettings settings) {
        this.in = in;
        this.chunks = new ChunkDecoder(settings);
    }

    boolean done() {
        return chunks.done();
    }

    Headers trailers() {
        return chunks.trailers();
    }

    /**
     * Bytes of data available at once without crossing a chunk boundary, reading the framing
     * before them if needed; 0 once the body (trailers included) is complete.
     */
    long available(long deadlineNanos) throws IOException {
        while (true) {
            try {
                in.skip(chunks.decode(in.buffer(), in.position(), in.limit()) - in.position());
            } catch (HttpRefusal malformed) {
                throw new BodyError(malformed.status(), malformed.getMessage());
            }
            long data = chunks.dataRemaining();
            if (data > 0 || chunks.done()) {
                return data;
            }
            if (!in.fill(deadlineNanos)) {
                throw new BodyError(400, chunks.ended().getMessage());
            }
        }
    }

    /** Notes that {@code n} bytes of the current chunk were consumed. */
    void consumed(int n) {
        chunks.consumed(n);
    }
}
