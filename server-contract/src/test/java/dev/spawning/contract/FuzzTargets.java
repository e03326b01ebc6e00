package dev.spawning.contract;

import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers a fuzz run sends to: for every {@link FuzzProfile}, one server of each provider,
 * all serving the {@code echo} app, started through {@link CorpusServers} (so with the settings
 * the corpus uses, plus the profile's) before any input is sent. The addresses are fixed once
 * started, so any thread may ask for them; {@link #close} stops the servers.
 */
final class FuzzTargets implements AutoCloseable {

    private final CorpusServers servers;
    private final Map<FuzzProfile, Map<String, InetSocketAddress>> addresses;

    private FuzzTargets(CorpusServers servers, Map<FuzzProfile, Map<String, InetSocketAddress>> addresses) {
        this.servers = servers;
        this.addresses = addresses;
    }

    static FuzzTargets start() throws Exception {
        CorpusServers servers = CorpusServers.discover();
        if (servers.providers().size() < 2) {
            servers.close();
            throw new IllegalStateException("The fuzzer compares server providers but found only " + servers.providers()
                    + " (is -D" + CorpusServers.PROVIDERS_PROPERTY + " set?)");
        }
        Map<FuzzProfile, Map<String, InetSocketAddress>> addresses = new EnumMap<>(FuzzProfile.class);
        try {
            for (FuzzProfile profile : FuzzProfile.values()) {
                Map<String, InetSocketAddress> byProvider = new LinkedHashMap<>();
                for (String provider : servers.providers()) {
                    byProvider.put(provider, servers.address(provider, profile.settings()));
                }
                addresses.put(profile, Map.copyOf(byProvider));
            }
        } catch (Exception failed) {
            servers.close();
            throw failed;
        }
        return new FuzzTargets(servers, addresses);
    }

    /** The provider names, sorted. */
    List<String> providers() {
        return servers.providers();
    }

    InetSocketAddress address(FuzzProfile profile, String provider) {
        return addresses.get(profile).get(provider);
    }

    @Override
    public void close() {
        servers.close();
    }
}
