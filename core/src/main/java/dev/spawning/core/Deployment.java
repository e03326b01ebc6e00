package dev.spawning.core;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.spawning.core.ConfigFile.Section;
import dev.spawning.factory.App;
import dev.spawning.factory.Filter;
import dev.spawning.factory.Server;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A deployment file (or any deployment URI) and the way to load it: the Java counterpart of Paste
 * Deploy's {@code loadapp}, {@code loadfilter}, {@code loadserver} and {@code appconfig}.
 *
 * <pre>{@code
 * Deployment deployment = Deployment.of(Path.of("deployment.ini")).withGlobalConf(Map.of("debug", "true"));
 * App app = deployment.app();                         // [app:main], [pipeline:main], ...
 * Server server = deployment.server("main");          // [server:main]
 * server.start(app);
 * Context context = deployment.context(Kind.APP, "api");  // what the api factory receives
 * }</pre>
 *
 * Immutable: the {@code with...} methods return a new deployment. Each load reads the files again,
 * so a changed file is seen by the next load. Factories are created through a Guice injector
 * (by default an empty one; {@link #withInjector} lets them {@code @Inject} an application's services).
 * Loads may run on any thread; each runs on the calling thread.
 */
public final class Deployment {

    private final String uri;
    private final Path relativeTo;
    private final Map<String, String> globalConf;
    private final Map<String, String> serverSettings;
    private final Injector injector;
    private final ClassLoader classLoader;

    private Deployment(String uri, Path relativeTo, Map<String, String> globalConf, Map<String, String> serverSettings,
            Injector injector, ClassLoader classLoader) {
        this.uri = uri;
        this.relativeTo = relativeTo;
        this.globalConf = globalConf;
        this.serverSettings = serverSettings;
        this.injector = injector;
        this.classLoader = classLoader;
    }

    /**
     * A deployment file, INI or YAML by its extension ({@code .yaml} or {@code .yml} for YAML); a
     * {@code #} in the path is part of the file name, not a section name. Nothing is read until a load.
     *
     * @param file the file; a relative path is resolved against the working directory now
     * @return the deployment, with no globals, no injector and this library's class loader
     */
    public static Deployment of(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String escaped = absolute.toString().replace("%", "%25").replace("#", "%23");
        return ofUri("config:" + escaped, absolute.getParent());
    }

    /**
     * A deployment URI: {@code config:path[#name]}, {@code service:NAME}, {@code egg:ANY#NAME},
     * {@code call:Class[::method]}; relative paths start at {@code relativeTo}.
     *
     * @param uri        the URI, as a {@code use} key would give it
     * @param relativeTo the directory relative paths start at; {@code null} when the URI has none
     * @return the deployment, with no globals, no injector and this library's class loader
     */
    public static Deployment ofUri(String uri, Path relativeTo) {
        return new Deployment(Objects.requireNonNull(uri, "uri"),
                relativeTo == null ? null : relativeTo.toAbsolutePath().normalize(), Map.of(), Map.of(), null,
                Deployment.class.getClassLoader());
    }

    /**
     * Globals passed in, as a caller of Paste's {@code loadapp(global_conf=...)} or the command line
     * gives them: every section receives them, and {@code [DEFAULT]} cannot override them.
     *
     * @param conf the globals, in order; copied
     * @return a deployment like this one with these globals
     */
    public Deployment withGlobalConf(Map<String, String> conf) {
        return new Deployment(uri, relativeTo, new LinkedHashMap<>(conf), serverSettings, injector, classLoader);
    }

    /**
     * Settings that override the local conf of the server section whenever a server is loaded
     * ({@link #server}) or its context read ({@link #context} with {@link Kind#SERVER}), as a
     * {@code set} would, with the caller as their origin: how spawn's controller makes each worker
     * serve the socket it inherits ({@code bind = fd://0}), and how
     * {@code spawn serve FILE --set processes=4} overrides the file. Keys absent from the section
     * are added. {@code bind} stands for {@code host} and {@code port}: overriding {@code bind}
     * drops the section's {@code host} and {@code port}, and overriding either of those drops its
     * {@code bind}. Other sections are untouched.
     *
     * @param settings the overriding keys and values, in order; copied
     * @return a deployment like this one with these overrides, replacing any given before
     */
    public Deployment withServerSettings(Map<String, String> settings) {
        return new Deployment(uri, relativeTo, globalConf, new LinkedHashMap<>(settings), injector, classLoader);
    }

    /**
     * The injector that creates factory classes; its bindings are what factories may inject.
     *
     * @param factoryInjector the application's injector
     * @return a deployment like this one that creates factories through it
     */
    public Deployment withInjector(Injector factoryInjector) {
        return new Deployment(uri, relativeTo, globalConf, serverSettings, factoryInjector, classLoader);
    }

    /**
     * Where providers and {@code call:} classes are found; by default the loader of this library.
     *
     * @param loader the class loader to search, such as one with the application's jars
     * @return a deployment like this one that looks there
     */
    public Deployment withClassLoader(ClassLoader loader) {
        return new Deployment(uri, relativeTo, globalConf, serverSettings, injector, loader);
    }

    /**
     * The app named by the URI's fragment, or {@code main} (Paste's {@code loadapp(uri)}).
     *
     * @return the app, composed and ready to handle requests
     * @throws DeploymentException when the file or a file it includes cannot be read, a section is
     *         missing or wrong, or a factory fails; its message names the file, line, section and key
     */
    public App app() {
        return app(null);
    }

    /**
     * The app of section {@code name} ({@code app:}, {@code composite:}, {@code pipeline:},
     * {@code filter-app:}), with its filters and the apps it is composed of.
     *
     * @param name the section's name without its prefix; {@code null} for the URI's fragment or {@code main}
     * @return the app, composed and ready to handle requests
     * @throws DeploymentException as {@link #app()} does
     */
    public App app(String name) {
        return (App) build(Kind.APP, name);
    }

    /**
     * The filter of section {@code filter:NAME} (Paste's {@code loadfilter}).
     *
     * @param name the section's name without its prefix; {@code null} for the URI's fragment or {@code main}
     * @return the filter, to wrap an app with
     * @throws DeploymentException as {@link #app()} does
     */
    public Filter filter(String name) {
        return (Filter) build(Kind.FILTER, name);
    }

    /**
     * The server of section {@code server:NAME} (Paste's {@code loadserver}), not yet bound:
     * {@link Server#start} binds it. Every setting of the section is checked first; unknown keys and
     * bad values are reported together.
     *
     * @param name the section's name without its prefix; {@code null} for the URI's fragment or {@code main}
     * @return the server, not yet started
     * @throws DeploymentException as {@link #app()} does
     */
    public Server server(String name) {
        return (Server) build(Kind.SERVER, name);
    }

    /**
     * What the factory of {@code name} would receive, without building it (Paste's {@code appconfig}).
     *
     * @param kind what {@code name} is
     * @param name the section's name without its prefix; {@code null} for the URI's fragment or {@code main}
     * @return the section and the global and local conf its factory would receive
     * @throws DeploymentException when the section cannot be found or its settings cannot be resolved
     */
    public Context context(Kind kind, String name) {
        LoaderContext context = resolve(newSession(), kind, name);
        return new Context(kind, context.place.sectionName(), context.globalSettings(), context.localSettings());
    }

    /**
     * Loads every section of the file without serving and returns every error and warning found,
     * each once, errors first. Never throws for a problem of the file: each is in the list.
     *
     * @return the problems, errors first, each in the order found; empty when the file is sound
     */
    public List<Problem> check() {
        Session session = newSession();
        Set<Problem> errors = new LinkedHashSet<>();
        try {
            ConfigLoader loader = topLoader(session);
            for (Section section : loader.file().namedSections()) {
                checkSection(session, loader, section, errors);
            }
        } catch (DeploymentException e) {
            errors.addAll(e.problems());
        }
        session.providers().broken().forEach(b -> session.warn(Problem.warning("Provider skipped: " + b)));
        List<Problem> all = new ArrayList<>(errors);
        all.addAll(session.warnings());
        return all;
    }

    /**
     * The tree of what {@code name} is built from: pipelines, filters in order, composites,
     * providers; one node per line, as {@code spawn describe} prints it. Builds the object to find out.
     *
     * @param kind what {@code name} is
     * @param name the section's name without its prefix; {@code null} for the URI's fragment or {@code main}
     * @return the tree, one node per line, each line ending in a line break
     * @throws DeploymentException as {@link #app()} does
     */
    public String describe(Kind kind, String name) {
        Session session = newSession();
        resolve(session, kind, name).create(session);
        return session.trace().render();
    }

    /**
     * The names of the sections of {@code kind} in the file, in file order, without their prefixes.
     *
     * @param kind the kind of section
     * @return the names; empty when there are none
     * @throws DeploymentException when the URI is not a deployment file or the file cannot be read
     */
    public List<String> names(Kind kind) {
        return topLoader(newSession()).sectionNames(kind);
    }

    /**
     * The files a load of this deployment may read: the deployment file, then each file named by
     * a {@code config:} URI in its values ({@code use}, {@code next}, {@code filter-with}, an entry
     * of a {@code pipeline}, a composite's mapping such as {@code /api = config:api.ini#main}),
     * then those files' includes, and so on; each once, in the order found. They are found from
     * the files' text and the globals passed in, building nothing: no provider or factory class is
     * loaded, and every section counts, used or not. A named file that is missing or cannot be
     * parsed is listed but not followed; a value that cannot be interpolated is passed over. What
     * spawn's controller watches with {@code reload = dev}.
     *
     * <pre>{@code
     * List<Path> files = Deployment.of(Path.of("deployment.ini")).files();
     * // [/srv/app/deployment.ini, /srv/app/parts/echo.ini]
     * }</pre>
     *
     * @return the files' absolute, normalized paths, the deployment file first
     * @throws DeploymentException when the URI is not a deployment file, or the deployment file
     *         itself cannot be read or parsed
     */
    public List<Path> files() {
        // A session that only reads: no injector, no providers, as nothing is built.
        Session session = new Session(null, classLoader, ProviderRegistry.none(), Lookups.system());
        return Includes.of(session, topLoader(session), Conf.of(globalConf));
    }

    /** The warnings a load of {@code name} gives (keys shadowed by defaults). */
    List<Problem> warnings(Kind kind, String name) {
        Session session = newSession();
        resolve(session, kind, name);
        return session.warnings();
    }

    private void checkSection(Session session, ConfigLoader loader, Section section, Set<Problem> errors) {
        String prefix = ConfigLoader.prefixOf(section.name());
        Kind kind = kindOfPrefix(prefix);
        if (kind == null || !section.name().contains(":")) {
            List<String> known = List.of("app", "application", "composite", "composit", "pipeline", "filter-app",
                    "filter", "server");
            String hint = Suggestions.didYouMean(prefix, known);
            if (section.name().contains(":") && !hint.isEmpty()) {
                session.warn(Problem.warning(loader.path(), section.line(), "section [" + section.name()
                        + "] is ignored: '" + prefix + "' is not a section prefix." + hint).in(section.name(), null));
            }
            return;
        }
        String name = section.name().substring(prefix.length() + 1).strip();
        try {
            overridden(kind, loader.context(kind, name, Conf.of(globalConf), Ref.caller(name))).create(session);
        } catch (DeploymentException e) {
            errors.addAll(e.problems());
        }
    }

    private static Kind kindOfPrefix(String prefix) {
        for (Kind kind : Kind.values()) {
            if (kind.prefixes().contains(prefix)) {
                return kind;
            }
        }
        return null;
    }

    private Object build(Kind kind, String name) {
        Session session = newSession();
        return resolve(session, kind, name).create(session);
    }

    private LoaderContext resolve(Session session, Kind kind, String name) {
        return overridden(kind, Uris.load(session, UriLookup.of(kind, uri, Conf.of(globalConf), Ref.caller(uri))
                .named(name).relativeTo(relativeTo)));
    }

    /** {@code context} with the server-setting overrides laid over its local conf, when it is a server's. */
    private LoaderContext overridden(Kind kind, LoaderContext context) {
        if (kind != Kind.SERVER || serverSettings.isEmpty()) {
            return context;
        }
        if (serverSettings.containsKey("bind")) {
            context.local.remove("host");
            context.local.remove("port");
        }
        if (serverSettings.containsKey("host") || serverSettings.containsKey("port")) {
            context.local.remove("bind");
        }
        serverSettings.forEach((key, value) -> context.local.put(key, value, null));
        return context;
    }

    private ConfigLoader topLoader(Session session) {
        if (!uri.regionMatches(true, 0, "config:", 0, 7)) {
            throw new DeploymentException("Not a deployment file: " + uri);
        }
        String path = uri.substring(7);
        int hash = path.indexOf('#');
        Path file = Path.of(java.net.URLDecoder.decode((hash < 0 ? path : path.substring(0, hash))
                .replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
        Path absolute = relativeTo == null ? file.toAbsolutePath() : relativeTo.resolve(file);
        return session.loader(absolute.normalize(), Conf.of(globalConf), Ref.caller(uri));
    }

    private Session newSession() {
        Injector factories = injector != null ? injector : EmptyInjector.INSTANCE;
        return new Session(factories, classLoader, ProviderRegistry.discover(classLoader), Lookups.system());
    }

    /** The injector used when none is given: no bindings, created once, on first use. */
    private static final class EmptyInjector {
        static final Injector INSTANCE = Guice.createInjector();
    }
}
