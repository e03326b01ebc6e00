package dev.spawning.factory;

/**
 * Builds an app that wraps {@code next} (Paste's {@code paste.filter_app_factory}); wherever a
 * filter is wanted it is adapted to one, called once per app it wraps.
 */
@FunctionalInterface
public non-sealed interface FilterAppFactory extends Factory {

    App create(App next, Settings globalConf, Settings localConf) throws Exception;
}
