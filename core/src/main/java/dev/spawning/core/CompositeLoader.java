package dev.spawning.core;

import dev.spawning.factory.App;
import dev.spawning.factory.Filter;
import dev.spawning.factory.Loader;
import dev.spawning.factory.Server;
import dev.spawning.factory.Settings;

/**
 * The loader a composite receives: names are sections of the file the composite lives in, URIs
 * resolve relative to that file. Errors point at the composite's section.
 */
final class CompositeLoader implements Loader {

    private final Session session;
    private final ConfigLoader file;
    private final Place place;

    CompositeLoader(Session session, ConfigLoader file, Place place) {
        this.session = session;
        this.file = file;
        this.place = place;
    }

    @Override
    public App app(String nameOrUri, Settings globalConf) {
        return (App) load(Kind.APP, nameOrUri, globalConf);
    }

    @Override
    public Filter filter(String nameOrUri, Settings globalConf) {
        return (Filter) load(Kind.FILTER, nameOrUri, globalConf);
    }

    @Override
    public Server server(String nameOrUri, Settings globalConf) {
        return (Server) load(Kind.SERVER, nameOrUri, globalConf);
    }

    private Object load(Kind kind, String nameOrUri, Settings globalConf) {
        Ref ref = new Ref(place.origin(), place.section(), null, nameOrUri);
        Conf global = Conf.of(globalConf);
        LoaderContext context = file != null
                ? file.context(kind, nameOrUri, global, ref)
                : Uris.load(session, UriLookup.of(kind, nameOrUri, global, ref)
                        .relativeTo(place.file() == null ? null : place.file().getParent()));
        return context.create(session);
    }
}
