package dev.spawning.undertow;

import dev.spawning.factory.App;
import dev.spawning.factory.Server;
import dev.spawning.factory.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /** A server on 127.0.0.1 and an ephemeral port, built by the provider from these settings. */
    Server start(App app, String... keysAndValues) throws Exception {
        Map<String, String> local = new LinkedHashMap<>();
        local.put("port", "0");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            local.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        Server server = new UndertowServerFactory().create(Settings.empty(), Settings.of(local));
        return start(server, app);
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

    static int port(Server server) {
        return server.addresses().getFirst().getPort();
    }
}
