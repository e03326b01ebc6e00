package dev.spawning.factory;

/**
 * What a composite receives to load the apps it composes: names resolve to sections of the
 * deployment file the composite lives in, URIs ({@code config:other.ini#name},
 * {@code service:text}) resolve relative to that file. The composite passes its global conf on.
 * Each call builds a new object, on the calling thread.
 *
 * <pre>{@code
 * App create(Loader loader, Settings global, Settings local) {
 *     App api = loader.app(local.require("api"), global);
 *     ...
 * }
 * }</pre>
 */
public interface Loader {

    /**
     * Builds an app: a section named {@code nameOrUri} with the prefix {@code app},
     * {@code composite}, {@code pipeline} or {@code filter-app}, or the app a URI names.
     *
     * @param nameOrUri  a section name such as {@code api}, or a URI such as
     *                   {@code config:other.ini#api} or {@code service:text}
     * @param globalConf the global conf to build it with, usually the composite's own
     * @return the app, built
     * @throws RuntimeException the loader's own error, naming the file and section, when nothing
     *                          of that name exists or building it fails; a composite lets it
     *                          propagate
     */
    App app(String nameOrUri, Settings globalConf);

    /**
     * Builds a filter: a {@code [filter:...]} section named {@code nameOrUri}, or the filter a URI
     * names.
     *
     * @param nameOrUri  a section name, or a URI such as {@code config:other.ini#auth}
     * @param globalConf the global conf to build it with, usually the composite's own
     * @return the filter, built
     * @throws RuntimeException the loader's own error, naming the file and section, when nothing
     *                          of that name exists or building it fails; a composite lets it
     *                          propagate
     */
    Filter filter(String nameOrUri, Settings globalConf);

    /**
     * Builds a server, unstarted: a {@code [server:...]} section named {@code nameOrUri}, or the
     * server a URI names.
     *
     * @param nameOrUri  a section name, or a URI such as {@code config:other.ini#main}
     * @param globalConf the global conf to build it with, usually the composite's own
     * @return the server, not yet bound
     * @throws RuntimeException the loader's own error, naming the file and section, when nothing
     *                          of that name exists or building it fails; a composite lets it
     *                          propagate
     */
    Server server(String nameOrUri, Settings globalConf);
}
