package dev.spawning.factory;

/**
 * Builds an app out of other apps (Paste's {@code paste.composite_factory}), which it loads by
 * name or URI through {@code loader}; it must pass its global conf on explicitly.
 */
@FunctionalInterface
public non-sealed interface CompositeFactory extends Factory {

    App create(Loader loader, Settings globalConf, Settings localConf) throws Exception;
}
