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

    App create(Settings globalConf, Settings localConf) throws Exception;
}
