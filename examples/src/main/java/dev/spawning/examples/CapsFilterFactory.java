package dev.spawning.examples;

import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Filter;
import dev.spawning.factory.FilterFactory;
import dev.spawning.factory.Settings;

/**
 * Provider {@code caps}: a filter that upper-cases ({@code method_to_call = upper}, the default)
 * or lower-cases ({@code method_to_call = lower}) the response body of the app it wraps, ASCII
 * letters only, so the body keeps its length. Status and headers pass through; a streamed body
 * is mapped as it is written. {@link Caps2FilterAppFactory} does the same as a filter-app.
 *
 * <pre>{@code
 * [pipeline:main]
 * pipeline = caps app
 *
 * [filter:caps]
 * use = service:caps
 * method_to_call = lower
 * }</pre>
 */
@FactoryProvider(name = "caps", description = "Upper- or lower-cases the response body (method_to_call = upper or lower)")
public final class CapsFilterFactory implements FilterFactory {

    /** Public because ServiceLoader needs it. */
    public CapsFilterFactory() {
    }

    /** Reads {@code method_to_call} now, so a bad value fails when the deployment is loaded. */
    @Override
    public Filter create(Settings globalConf, Settings localConf) {
        return CaseMapping.fromSettings(localConf)::wrap;
    }
}
