package dev.spawning.core.builtin;

import dev.spawning.factory.App;
import dev.spawning.factory.Filter;
import dev.spawning.factory.Loader;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A loader that needs no deployment file: a name maps to an app given with {@link #with}, or
 * else to an app that answers {@code name|scriptName|pathInfo}. It remembers what it was asked.
 */
final class FakeLoader implements Loader {

    private final Map<String, App> apps = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<Settings> globals = new ArrayList<>();

    FakeLoader with(String name, App app) {
        apps.put(name, app);
        return this;
    }

    /** An app that answers 200 with {@code name|scriptName|pathInfo}. */
    static App echo(String name) {
        return request -> Response.text(200, name + "|" + request.scriptName() + "|" + request.pathInfo());
    }

    /** The names asked for, in order. */
    List<String> names() {
        return names;
    }

    /** The global conf passed with each name. */
    List<Settings> globals() {
        return globals;
    }

    @Override
    public App app(String nameOrUri, Settings globalConf) {
        names.add(nameOrUri);
        globals.add(globalConf);
        return apps.getOrDefault(nameOrUri, echo(nameOrUri));
    }

    @Override
    public Filter filter(String nameOrUri, Settings globalConf) {
        throw new UnsupportedOperationException("the built-in composites load apps only, not filter " + nameOrUri);
    }

    @Override
    public Server server(String nameOrUri, Settings globalConf) {
        throw new UnsupportedOperationException("the built-in composites load apps only, not server " + nameOrUri);
    }
}
