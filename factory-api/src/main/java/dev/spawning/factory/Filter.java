package dev.spawning.factory;

/**
 * Middleware: turns an app into an app (WSGI middleware, Ring middleware). Filters compose
 * outward: in {@code pipeline = a b app} the result is {@code a.apply(b.apply(app))}.
 */
@FunctionalInterface
public interface Filter {

    /**
     * Wraps an app. Called while the deployment loads, once for each app this filter wraps.
     *
     * @param next the app to wrap
     * @return an app that handles requests by way of {@code next}
     */
    App apply(App next);

    /**
     * This filter applied to the result of {@code inner}: {@code x -> this(inner(x))}.
     *
     * @param inner the filter that wraps an app first
     * @return the composed filter, whose requests pass through this filter, then {@code inner}
     */
    default Filter compose(Filter inner) {
        return next -> apply(inner.apply(next));
    }
}
