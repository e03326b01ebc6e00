package dev.spawning.cli;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;

/** Apps the process tests name with {@code call:}: a worker finds them on the class path it inherits. */
public final class TestApps {

    private TestApps() {
    }

    /** Answers the request's body, as KeepAliveLoad's POSTs expect. */
    public static App echoBody(Settings global, Settings local) {
        return request -> Response.builder(200).header("Content-Type", "text/plain").body(request.readBody()).build();
    }
}
