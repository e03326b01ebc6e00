package dev.spawning.core.builtin;

import dev.spawning.factory.App;
import dev.spawning.factory.AppFactory;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Settings;

/**
 * {@code use = service:health}: a health URL a deployment mounts among its own apps (with
 * {@code urlmap}, say at {@code /healthz}), for a balancer that probes the app's own port. It has
 * no settings; any key is an error. See {@link HealthApp} for what it answers. The controller's
 * probes on {@code metrics_bind} say more (a reload under way, no generation serving); this one
 * says that this server answers and has not begun to stop.
 */
@FactoryProvider(name = "health", description = "Answers 200 {\"status\":\"UP\"}, or 503 once the server stops")
public final class HealthAppFactory implements AppFactory {

    /** Public because ServiceLoader needs it. */
    public HealthAppFactory() {
    }

    @Override
    public App create(Settings global, Settings local) {
        Problems problems = new Problems();
        for (String key : local.keys()) {
            problems.add(local, key, key + " is not a setting of the health app (it has none)");
        }
        problems.throwIfAny();
        return new HealthApp();
    }
}
