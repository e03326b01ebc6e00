package dev.spawning.core.builtin;

import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import java.util.List;
import java.util.Set;

/**
 * Tries apps in order while their status is one of {@code catch}; the last app's answer stands.
 * A request body is read once, before the first app, so that every app can read it. Immutable.
 */
final class Cascade implements App {

    private final List<App> apps;
    private final Set<Integer> caught;

    Cascade(List<App> apps, Set<Integer> caught) {
        this.apps = List.copyOf(apps);
        this.caught = Set.copyOf(caught);
    }

    @Override
    public Response handle(Request request) throws Exception {
        byte[] body = hasBody(request) ? request.readBody() : null;
        Response response = null;
        for (App app : apps) {
            Request attempt = body == null ? request : request.toBuilder().body(body).build();
            response = app.handle(attempt);
            if (!caught.contains(response.status())) {
                return response;
            }
        }
        return response;
    }

    private static boolean hasBody(Request request) {
        return request.header("Transfer-Encoding").isPresent()
                || request.header("Content-Length").filter(length -> !length.strip().equals("0")).isPresent();
    }
}
