package dev.spawning.contract;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The apps and requests the contract tests share, so that each test shows only what differs: the
 * settings, the bytes sent and what a client must see.
 */
final class ContractApps {

    /** Answers {@code hello TARGET} with a known length. */
    static final App HELLO = request -> Response.text(200, "hello " + request.target());

    /** Reads the whole body and answers {@code got BODY}. */
    static final App ECHO = request -> Response.text(200, "got " + new String(request.readBody(), StandardCharsets.UTF_8));

    private ContractApps() {
    }

    /** An HTTP/1.1 GET of {@code target} with a Host and nothing else. */
    static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n";
    }

    /** Counts the requests that reached an app, to show that a refused request never did. */
    static final class Calls {

        private final AtomicInteger count = new AtomicInteger();

        App counting(App app) {
            return request -> {
                count.incrementAndGet();
                return app.handle(request);
            };
        }

        int count() {
            return count.get();
        }
    }
}
