package dev.spawning.core;

import dev.spawning.factory.App;
import dev.spawning.factory.Filter;
import dev.spawning.factory.Server;
import dev.spawning.factory.Settings;

/**
 * What one section (or URI) resolves to before anything is built: Paste Deploy's loader context.
 * It holds the global and local conf the factory will receive and knows how to build its object:
 * an {@link App}, a {@link Filter} or a {@link Server}. Confined to the loading thread.
 */
abstract sealed class LoaderContext permits FactoryContext, PipelineContext, FilterAppContext, FilterWithContext {

    final Kind kind;
    Conf global;
    Conf local;
    ConfigLoader loader;
    Place place;

    LoaderContext(Kind kind, Conf global, Conf local, ConfigLoader loader, Place place) {
        this.kind = kind;
        this.global = global;
        this.local = local;
        this.loader = loader;
        this.place = place;
    }

    /** Builds the object, recording it in the session's trace. */
    final Object create(Session session) {
        Trace.Node node = session.trace().enter(label());
        try {
            return build(session, node);
        } finally {
            session.trace().exit();
        }
    }

    abstract Object build(Session session, Trace.Node node);

    /** One line for {@code spawn describe}. */
    abstract String label();

    /**
     * Takes on what a section that {@code use}s this one adds: its {@code set} values over the
     * global conf, its local settings over the local conf, its {@code __file__}, its loader.
     */
    void mergeFromUse(Conf additions, Conf locals, Conf.Entry file, ConfigLoader usingLoader, Place usingPlace) {
        global.putAll(additions);
        local.putAll(locals);
        if (file != null) {
            global.put("__file__", file);
        }
        loader = usingLoader;
        place = usingPlace;
    }

    Settings globalSettings() {
        return global.toSettings(place.sectionName(), place.origin());
    }

    Settings localSettings() {
        return local.toSettings(place.sectionName(), place.origin());
    }

    /** {@code [app:main] } or nothing. */
    String sectionLabel() {
        return place.section() == null ? "" : "[" + place.section() + "] ";
    }

    static App asApp(Object built) {
        return (App) built;
    }

    static Filter asFilter(Object built) {
        return (Filter) built;
    }
}
