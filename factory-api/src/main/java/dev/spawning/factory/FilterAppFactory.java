package dev.spawning.factory;

/**
 * Builds an app that wraps {@code next} (Paste's {@code paste.filter_app_factory}); wherever a
 * filter is wanted it is adapted to one, called once per app it wraps.
 */
@FunctionalInterface
public non-sealed interface FilterAppFactory extends Factory {

    /**
     * Builds the app that wraps {@code next}. Called on the loading thread once for each app this
     * section wraps, before that app serves any request.
     *
     * @param next       the app to wrap, already built
     * @param globalConf the global conf (see {@link Factory})
     * @param localConf  the local conf: this section's own keys (see {@link Factory})
     * @return the wrapping app; {@code null} is a load error that names the section
     * @throws Exception any failure to build; the loader reports it with the file and section, and
     *                   each issue of a {@link FactoryException} at the place the issue names
     */
    App create(App next, Settings globalConf, Settings localConf) throws Exception;
}
