package dev.spawning.core;

import dev.spawning.factory.App;
import dev.spawning.factory.Filter;

/**
 * {@code filter-with = F} on a section: its app wrapped by F, or its filter composed with F
 * ({@code x -> F(filter(x))}). Unlike Paste Deploy, this holds for pipelines and filter-apps too
 * (they are apps), and a section that {@code use}s this one passes its settings to the wrapped
 * object rather than losing them.
 */
final class FilterWithContext extends LoaderContext {

    private final LoaderContext filter;
    private final LoaderContext next;

    FilterWithContext(Kind kind, Conf global, Conf local, ConfigLoader loader, Place place, LoaderContext filter,
            LoaderContext next) {
        super(kind, global, local, loader, place);
        this.filter = filter;
        this.next = next;
    }

    @Override
    Object build(Session session, Trace.Node node) {
        Filter outer = asFilter(filter.create(session));
        Object inner = next.create(session);
        if (inner instanceof App app) {
            return outer.apply(app);
        }
        return outer.compose(asFilter(inner));
    }

    @Override
    void mergeFromUse(Conf additions, Conf locals, Conf.Entry file, ConfigLoader usingLoader, Place usingPlace) {
        super.mergeFromUse(additions, locals, file, usingLoader, usingPlace);
        next.mergeFromUse(additions, locals, file, usingLoader, usingPlace);
    }

    @Override
    String label() {
        return sectionLabel() + "filter-with";
    }
}
