package dev.spawning.factory;

/**
 * What a composite receives to load the apps it composes: names resolve to sections of the
 * deployment file the composite lives in, URIs ({@code config:other.ini#name},
 * {@code service:text}) resolve relative to that file. The composite passes its global conf on.
 *
 * <pre>{@code
 * App create(Loader loader, Settings global, Settings local) {
 *     App api = loader.app(local.require("api"), global);
 *     ...
 * }
 * }</pre>
 */
public interface Loader {

    App app(String nameOrUri, Settings globalConf);

    Filter filter(String nameOrUri, Settings globalConf);

    Server server(String nameOrUri, Settings globalConf);
}
