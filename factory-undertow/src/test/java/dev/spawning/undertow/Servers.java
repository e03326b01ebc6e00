package dev.spawning.undertow;

import dev.spawning.factory.App;
import dev.spawning.factory.Server;
import dev.spawning.factory.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts servers for a test and stops every one of them after it, so that no test copies set-up
 * code or leaks a listening socket. Register with {@code @RegisterExtension}.
 */
final class Servers implements AfterEachCallback {

    private final List<Server> started = new ArrayList<>();

    /** A server on 127.0.0.1 and an ephemeral port, built by the provider with its defaults. */
    Server start(App app) throws Exception {
        return start(new UndertowServerFactory().create(Settings.empty(), Settings.of(Map.of("port", "0"))), app);
    }

    /** Starts a server built by the test itself. */
    Server start(Server server, App app) throws Exception {
        started.add(server);
        server.start(app);
        return server;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (Server server : started) {
            server.stop(Duration.ofSeconds(2));
        }
        started.clear();
    }
}
