package dev.spawning.factory;

/**
 * Builds an app from a section such as {@code [app:main]} (Paste's {@code paste.app_factory}).
 *
 * <pre>{@code
 * @FactoryProvider(name = "hello", description = "Says hello")
 * public final class HelloFactory implements AppFactory {
 *     public App create(Settings global, Settings local) {
 *         String body = local.get("greeting", "Hello");
 *         return request -> Response.text(200, body);
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public non-sealed interface AppFactory extends Factory {

    /**
     * Builds the app of one section. Called on the loading thread each time the section is loaded,
     * before the app serves any request; the app then serves requests on many threads at once.
     *
     * @param globalConf the global conf (see {@link Factory})
     * @param localConf  the local conf: this section's own keys (see {@link Factory})
     * @return the app; {@code null} is a load error that names the section
     * @throws Exception any failure to build; the loader reports it with the file and section, and
     *                   each issue of a {@link FactoryException} at the place the issue names
     */
    App create(Settings globalConf, Settings localConf) throws Exception;
}
