package dev.spawning.factory;

/** Builds a filter from a {@code [filter:...]} section (Paste's {@code paste.filter_factory}). */
@FunctionalInterface
public non-sealed interface FilterFactory extends Factory {

    /**
     * Builds the filter of one section. Called on the loading thread each time the section is
     * loaded; the filter is then applied to each app it wraps (in a pipeline, a
     * {@code filter-with} or a {@code [filter-app:...]} section).
     *
     * @param globalConf the global conf (see {@link Factory})
     * @param localConf  the local conf: this section's own keys (see {@link Factory})
     * @return the filter; {@code null} is a load error that names the section
     * @throws Exception any failure to build; the loader reports it with the file and section, and
     *                   each issue of a {@link FactoryException} at the place the issue names
     */
    Filter create(Settings globalConf, Settings localConf) throws Exception;
}
