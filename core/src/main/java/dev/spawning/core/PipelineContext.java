package dev.spawning.core;

import dev.spawning.factory.App;
import java.util.List;

/**
 * {@code [pipeline:NAME] pipeline = f1 f2 app}: the app wrapped by the filters, the first outermost.
 * As in Paste Deploy the app is built before the filters; {@code spawn describe} lists them in
 * pipeline order.
 */
final class PipelineContext extends LoaderContext {

    private final LoaderContext app;
    private final List<LoaderContext> filters;

    PipelineContext(Conf global, Conf local, ConfigLoader loader, Place place, LoaderContext app,
            List<LoaderContext> filters) {
        super(Kind.APP, global, local, loader, place);
        this.app = app;
        this.filters = List.copyOf(filters);
    }

    @Override
    Object build(Session session, Trace.Node node) {
        App built = asApp(app.create(session));
        List<Object> created = filters.stream().map(filter -> filter.create(session)).toList();
        for (int i = created.size() - 1; i >= 0; i--) {
            built = asFilter(created.get(i)).apply(built);
        }
        node.children.add(node.children.removeFirst());
        return built;
    }

    @Override
    String label() {
        return sectionLabel() + "pipeline";
    }
}
