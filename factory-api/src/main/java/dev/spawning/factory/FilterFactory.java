package dev.spawning.factory;

/** Builds a filter from a {@code [filter:...]} section (Paste's {@code paste.filter_factory}). */
@FunctionalInterface
public non-sealed interface FilterFactory extends Factory {

    Filter create(Settings globalConf, Settings localConf) throws Exception;
}
