package dev.spawning.factory;

/**
 * Builds an app out of other apps (Paste's {@code paste.composite_factory}), which it loads by
 * name or URI through {@code loader}; it must pass its global conf on explicitly.
 */
@FunctionalInterface
public non-sealed interface CompositeFactory extends Factory {

    /**
     * Builds the composed app. Called on the loading thread each time the section is loaded; the
     * apps it loads through {@code loader} are built during this call.
     *
     * @param loader     loads the apps, filters and servers this one composes, by section name or
     *                   URI, relative to this section's file
     * @param globalConf the global conf (see {@link Factory})
     * @param localConf  the local conf: this section's own keys (see {@link Factory})
     * @return the composed app; {@code null} is a load error that names the section
     * @throws Exception any failure to build; the loader reports it with the file and section, and
     *                   each issue of a {@link FactoryException} at the place the issue names
     */
    App create(Loader loader, Settings globalConf, Settings localConf) throws Exception;
}
