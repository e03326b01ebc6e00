package dev.spawning.factory.server;

import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import java.util.function.Function;

/**
 * Calls an app the way every provider must: a {@code null} response counts as a failure, and
 * every failure the server can still answer (exceptions, linkage and assertion errors, a stack
 * overflow) becomes the response {@code onFailure} gives, such as a 500. Other errors (out of
 * memory) are left to end the request.
 */
public final class AppCalls {

    private AppCalls() {
    }

    /**
     * The app's response to {@code request}, or {@code onFailure}'s for what went wrong.
     *
     * @param app       the app
     * @param request   the request to pass it
     * @param onFailure the response for a failure: the exception or error thrown, or a
     *                  {@link NullPointerException} for a {@code null} response
     * @return the app's response, or the one for its failure
     */
    public static Response answer(App app, Request request, Function<Throwable, Response> onFailure) {
        try {
            Response response = app.handle(request);
            if (response == null) {
                throw new NullPointerException("The app returned no response");
            }
            return response;
        } catch (Exception | LinkageError | AssertionError | StackOverflowError failure) {
            return onFailure.apply(failure);
        }
    }
}
