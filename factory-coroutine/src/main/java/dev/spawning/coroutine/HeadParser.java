package dev.spawning.coroutine;

import dev.spawning.factory.server.HeadDecoder;
import dev.spawning.factory.server.HttpRefusal;
import dev.spawning.factory.server.RequestHead;
import dev.spawning.factory.server.ServerSettings;
import java.io.IOException;

/**
 * Reads one request head from a connection's input with the decoder every provider shares
 * ({@link HeadDecoder}), which checks it against RFC 9112 and the server's limits: reads until the
 * decoder has a whole head, and turns the end of the input inside a head into its refusal.
 *
 * <p>Immutable; one instance serves every connection of a server.
 */
final class HeadParser {

    private final ServerSettings settings;

    HeadParser(ServerSettings settings) {
        this.settings = settings;
    }

    /**
     * The next request head; {@code null} when the stream ends before its first byte.
     *
     * @throws HttpRefusal when the head is malformed, over a limit, or cut short by the client
     * @throws java.net.SocketTimeoutException when the head is not complete by the deadline
     */
    RequestHead parse(SocketInput in, long deadlineNanos) throws IOException, HttpRefusal {
        HeadDecoder decoder = new HeadDecoder(settings);
        while (true) {
            in.skip(decoder.decode(in.buffer(), in.position(), in.limit()) - in.position());
            if (decoder.complete()) {
                return decoder.take();
            }
            if (!in.fill(deadlineNanos)) {
                HttpRefusal cutShort = decoder.ended();
                if (cutShort == null) {
                    return null;
                }
                throw cutShort;
            }
        }
    }
}
