package dev.spawning.contract;

import dev.spawning.factory.App;
import dev.spawning.factory.Server;
import dev.spawning.factory.Settings;
import dev.spawning.factory.StopReport;
import dev.spawning.factory.testing.RawHttp;
import dev.spawning.factory.testing.TestTls;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts servers of one provider for one contract test and stops every one of them after it, so
 * that no test copies set-up code or leaks a listening socket. Settings are given as a
 * {@code [server:main]} section, the way a deployment file gives them, with {@code port = 0}
 * unless the test sets a port. Given to a test method as a parameter by {@link ContractInvocations}.
 */
final class ContractServers implements AfterEachCallback, ParameterResolver {

    /** Short: a test that leaves a request hanging should not hold the suite for long. */
    private static final Duration GRACE = Duration.ofMillis(500);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(5);

    private final ContractProvider provider;
    /** The certificates of a TLS run ({@link OverTls}); null for plain HTTP. */
    private final TestTls tls;
    private final List<Server> started = new ArrayList<>();

    ContractServers(ContractProvider provider) {
        this(provider, null);
    }

    /** Servers of {@code provider} over TLS with {@code tls}' server certificate; null for plain HTTP. */
    ContractServers(ContractProvider provider, TestTls tls) {
        this.provider = provider;
        this.tls = tls;
    }

    /** {@return the scheme the servers this starts serve: {@code https} in a TLS run} */
    public String scheme() {
        return tls == null ? "http" : "https";
    }

    /** The name of the provider under test, such as {@code undertow}. */
    public String provider() {
        return provider.name();
    }

    /** A started server serving {@code app}, built from these settings (key, value, key, value...). */
    public Server start(App app, String... keysAndValues) throws Exception {
        return start(Settings.empty(), app, keysAndValues);
    }

    /**
     * A started server serving {@code app}, built from this global conf (as Paste Deploy passes it,
     * from {@code [DEFAULT]} or the command line) and these section settings.
     */
    public Server start(Settings globalConf, App app, String... keysAndValues) throws Exception {
        Server server = provider.factory().create(globalConf, sectionFor(keysAndValues));
        started.add(server);
        trusted(server);
        server.start(app);
        return server;
    }

    /**
     * A started server serving {@code app} from {@code listening}, a socket bound by the test, built
     * through {@link dev.spawning.factory.ServerFactory#create(Settings, Settings,
     * java.nio.channels.ServerSocketChannel)} with these section settings.
     */
    public Server startHanded(App app, ServerSocketChannel listening, String... keysAndValues)
            throws Exception {
        Server server = provider.factory().create(Settings.empty(), sectionFor(keysAndValues), listening);
        started.add(server);
        trusted(server);
        server.start(app);
        return server;
    }

    /** Whether the provider says it serves a socket bound elsewhere. */
    public boolean servesHandedSockets() {
        return provider.factory().servesHandedSockets();
    }

    /** A server built from these settings but not started; the test starts it or expects a failure. */
    public Server create(String... keysAndValues) throws Exception {
        Server server = provider.factory().create(Settings.empty(), sectionFor(keysAndValues));
        trusted(server);
        return server;
    }

    /** In a TLS run, {@code RawHttp.connect(server)} opens TLS to it, trusting the test CA. */
    private void trusted(Server server) {
        if (tls != null) {
            RawHttp.overTls(server, tls.client());
        }
    }

    /** The settings of a section, with the server certificate in a TLS run unless they name one. */
    private Settings sectionFor(String... keysAndValues) {
        if (tls == null || Arrays.asList(keysAndValues).contains("certfile")) {
            return section(keysAndValues);
        }
        return section(Stream.concat(Arrays.stream(tls.serverSettings()), Arrays.stream(keysAndValues))
                .toArray(String[]::new));
    }

    /**
     * The settings of a {@code [server:main]} section listening on an ephemeral port (unless they
     * say {@code bind}, which stands for host and port).
     */
    public static Settings section(String... keysAndValues) {
        Settings.Builder section = Settings.builder("server:main");
        if (!Arrays.asList(keysAndValues).contains("bind")) {
            section.put("port", "0");
        }
        for (int i = 0; i < keysAndValues.length; i += 2) {
            section.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return section.build();
    }

    /**
     * Stops every server started for the test. A stop that does not return is a broken contract,
     * reported as a failure of this test instead of a suite that hangs.
     */
    @Override
    public void afterEach(ExtensionContext context) {
        List<CompletableFuture<StopReport>> stops = started.stream()
                .map(server -> CompletableFuture.supplyAsync(() -> server.stop(GRACE), Thread.ofVirtual()::start))
                .toList();
        started.clear();
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException | ExecutionException hung) {
            throw new AssertionError(provider + ": stop(" + GRACE.toMillis() + " ms) did not return within "
                    + STOP_LIMIT.toSeconds() + " s", hung);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ContractServers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return this;
    }
}
