package dev.spawning.core;

/** {@code [filter-app:NAME]}: a filter (by {@code use} or a factory key) applied to {@code next}. */
final class FilterAppContext extends LoaderContext {

    private final LoaderContext next;
    private final LoaderContext filter;

    FilterAppContext(Conf global, Conf local, ConfigLoader loader, Place place, LoaderContext next,
            LoaderContext filter) {
        super(Kind.APP, global, local, loader, place);
        this.next = next;
        this.filter = filter;
    }

    @Override
    Object build(Session session, Trace.Node node) {
        Object app = next.create(session);
        return asFilter(filter.create(session)).apply(asApp(app));
    }

    @Override
    String label() {
        return sectionLabel() + "filter-app";
    }
}
