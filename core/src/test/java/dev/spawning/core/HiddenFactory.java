package dev.spawning.core;

import dev.spawning.factory.App;
import dev.spawning.factory.AppFactory;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;

/** A factory that is not public, so no deployment file may name it. */
final class HiddenFactory implements AppFactory {

    @Override
    public App create(Settings global, Settings local) {
        return request -> Response.text(200, "hidden");
    }
}
