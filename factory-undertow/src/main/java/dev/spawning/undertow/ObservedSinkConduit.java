package dev.spawning.undertow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.StreamSinkConduit;

/**
 * Sits under Undertow's response writing on one connection, to replace Undertow's fixed answer
 * to a request it cannot parse ({@code 400} with neither {@code Date} nor {@code Server}) by
 * {@link ErrorBytes#response} for the same status. Undertow writes that answer with a single
 * buffer holding exactly its constant text, straight to the connection and only before closing
 * it; no response of ours can be that buffer, since ours always carry {@code Date}. Everything
 * else passes through untouched.
 *
 * <p>Threading: called by whichever thread writes the connection, one at a time.
 */
final class ObservedSinkConduit extends AbstractStreamSinkConduit<StreamSinkConduit> {

    /** Undertow 2.4's answer to an unparseable request, as written by its HTTP read listener. */
    static final byte[] UNDERTOW_BAD_REQUEST =
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    ObservedSinkConduit(StreamSinkConduit next) {
        super(next);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!isUndertowsBadRequest(src)) {
            return super.write(src);
        }
        ByteBuffer ours = ByteBuffer.wrap(ErrorBytes.response(ErrorBytes.BAD_REQUEST));
        super.write(ours);
        // Undertow closes the connection next, whatever was written; it must see its bytes gone.
        int count = src.remaining();
        src.position(src.limit());
        return count;
    }

    private static boolean isUndertowsBadRequest(ByteBuffer src) {
        return src.remaining() == UNDERTOW_BAD_REQUEST.length
                && src.get(src.position()) == 'H'
                && src.equals(ByteBuffer.wrap(UNDERTOW_BAD_REQUEST));
    }
}
