package dev.spawning.benchmarks;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.xnio.Options;

/**
 * The baseline of the load benchmark: a hand-written Undertow core server that answers every
 * request with the same bytes as the {@code text} app of the deployment files (200,
 * {@code Content-Type: text/plain; charset=utf-8}, body {@code This is basic app}), with none of
 * our layers. It answers on the IO thread: no dispatch, no blocking, a shared read-only body
 * buffer. What the coroutine provider is compared against is therefore the best Undertow can do
 * for this response, not our Undertow provider (which runs each app on a virtual thread).
 *
 * <pre>{@code
 * java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' dev.spawning.benchmarks.RawUndertow 18092
 * }</pre>
 *
 * <p>Its response differs from the providers' only by their {@code Server} header. Binds
 * 127.0.0.1 with Undertow's default number of IO threads (one per core, at least two), and prints
 * {@code Serving on http://127.0.0.1:PORT} once the listener is bound (the line the load script
 * waits for, as for {@code spawn}).
 */
public final class RawUndertow {

    private static final String HOST = "127.0.0.1";

    private RawUndertow() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || !args[0].matches("\\d{1,5}")) {
            System.err.println("usage: RawUndertow PORT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Undertow server = Undertow.builder()
                .addHttpListener(port, HOST)
                .setSocketOption(Options.TCP_NODELAY, true)
                // As the Undertow provider: no Connection header on HTTP/1.1 keep-alive responses.
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
                .setHandler(new FixedAnswer("text/plain; charset=utf-8", "This is basic app"))
                .build();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "raw-undertow-stop"));
        System.out.println("Serving on http://" + HOST + ":" + port);
    }

    /** Writes one prepared body from the IO thread; the buffer is shared, so each send duplicates it. */
    private static final class FixedAnswer implements HttpHandler {

        private final String contentType;
        private final ByteBuffer body;
        private final String contentLength;

        FixedAnswer(String contentType, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            this.contentType = contentType;
            this.body = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
            this.contentLength = Integer.toString(bytes.length);
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) {
            exchange.getResponseHeaders()
                    .put(Headers.CONTENT_TYPE, contentType)
                    .put(Headers.CONTENT_LENGTH, contentLength);
            exchange.getResponseSender().send(body.duplicate());
        }
    }
}
