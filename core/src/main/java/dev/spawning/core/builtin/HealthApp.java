package dev.spawning.core.builtin;

import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code health} app: GET and HEAD answer 200 {@code {"status":"UP"}} ({@code application/json})
 * until the server has begun to stop ({@link Request#serverStopping()}), then 503
 * {@code {"status":"DOWN"}}, so a balancer stops sending new requests to a draining server. Other
 * methods: 405 with {@code Allow: GET, HEAD}. Every answer has {@code Cache-Control: no-store}.
 *
 * <p>Thread-safe: any request thread may call {@link #handle}; the stop's thread sets the flag
 * through the stage's action, added once by the first request.
 */
final class HealthApp implements App {

    private final AtomicBoolean watching = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();

    @Override
    public Response handle(Request request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return Response.builder(405).header("Allow", "GET, HEAD")
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .body("405 Method Not Allowed: only GET and HEAD\n").build();
        }
        if (watching.compareAndSet(false, true)) {
            request.serverStopping().thenRun(() -> stopping.set(true));
        }
        return stopping.get() ? json(503, "{\"status\":\"DOWN\"}") : json(200, "{\"status\":\"UP\"}");
    }

    private static Response json(int status, String body) {
        return Response.builder(status).header("Content-Type", "application/json")
                .header("Cache-Control", "no-store").body(body).build();
    }
}
