package dev.spawning.examples;

import dev.spawning.factory.App;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.FilterAppFactory;
import dev.spawning.factory.Settings;

/**
 * Provider {@code caps2}: {@link CapsFilterFactory caps} as a filter-app, so deployment files can
 * exercise Paste's {@code filter-app} sections and {@code next} key with a visible effect. The
 * same setting ({@code method_to_call = upper}, the default, or {@code lower}) and the same
 * ASCII, length-preserving mapping.
 *
 * <pre>{@code
 * [filter-app:shout]
 * use = service:caps2
 * next = main
 * }</pre>
 */
@FactoryProvider(name = "caps2", description = "Wraps the next app, upper- or lower-casing its body (method_to_call = upper or lower)")
public final class Caps2FilterAppFactory implements FilterAppFactory {

    /** Public because ServiceLoader needs it. */
    public Caps2FilterAppFactory() {
    }

    /** Reads {@code method_to_call} now, so a bad value fails when the deployment is loaded. */
    @Override
    public App create(App next, Settings globalConf, Settings localConf) {
        return CaseMapping.fromSettings(localConf).wrap(next);
    }
}
