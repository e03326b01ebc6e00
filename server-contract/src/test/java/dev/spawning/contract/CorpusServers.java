package dev.spawning.contract;

import dev.spawning.factory.App;
import dev.spawning.factory.AppFactory;
import dev.spawning.factory.Factory;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Server;
import dev.spawning.factory.ServerFactory;
import dev.spawning.factory.Settings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The servers the corpus runs against, found through {@link ServiceLoader} by the names in their
 * {@link FactoryProvider} annotations, each serving the {@code echo} app. One server per provider
 * and settings is started on first use and kept for every case with those settings; {@link #close}
 * stops them all. The system property {@code spawning.corpus.providers} (names, comma-separated)
 * restricts the providers; by default every server provider found runs.
 *
 * <p>Not thread-safe: the corpus runs its cases one after another.
 */
final class CorpusServers implements AutoCloseable {

    static final String PROVIDERS_PROPERTY = "spawning.corpus.providers";

    private final Map<String, ServerFactory> providers;
    private final Map<String, Server> running = new LinkedHashMap<>();
    private final App echo;

    private CorpusServers(Map<String, ServerFactory> providers, App echo) {
        this.providers = providers;
        this.echo = echo;
    }

    static CorpusServers discover() throws Exception {
        Map<String, ServerFactory> servers = new TreeMap<>();
        AppFactory echo = null;
        for (Factory factory : ServiceLoader.load(Factory.class)) {
            String name = factory.getClass().getAnnotation(FactoryProvider.class).name();
            if (factory instanceof ServerFactory server && selected(name)) {
                servers.put(name, server);
            } else if (factory instanceof AppFactory app && name.equals("echo")) {
                echo = app;
            }
        }
        if (echo == null) {
            throw new IllegalStateException("No app provider named 'echo': is spawning-examples on the test classpath?");
        }
        return new CorpusServers(servers, echo.create(Settings.empty(), Settings.empty()));
    }

    /** The provider names the corpus runs against, sorted. */
    List<String> providers() {
        return List.copyOf(providers.keySet());
    }

    /** The address of the provider's server with these settings (plus {@code port = 0}), started if need be. */
    InetSocketAddress address(String provider, Map<String, String> settings) throws Exception {
        String key = provider + " " + new TreeMap<>(settings);
        Server server = running.get(key);
        if (server == null) {
            server = start(provider, settings);
            running.put(key, server);
        }
        return server.addresses().getFirst();
    }

    @Override
    public void close() {
        running.values().forEach(server -> server.stop(Duration.ofSeconds(2)));
        running.clear();
    }

    private Server start(String provider, Map<String, String> settings) throws Exception {
        Settings.Builder local = Settings.builder("server:corpus").put("port", "0");
        settings.forEach(local::put);
        Server server = providers.get(provider).create(Settings.empty(), local.build());
        server.start(echo);
        return server;
    }

    private static boolean selected(String name) {
        String only = System.getProperty(PROVIDERS_PROPERTY, "").strip();
        return only.isEmpty() || Arrays.stream(only.split(",")).map(String::strip).anyMatch(name::equals);
    }
}
