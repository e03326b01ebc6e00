package dev.spawning.factory;

import java.util.Set;

/**
 * Builds a server from a {@code [server:...]} section (Paste's {@code paste.server_factory}). The
 * server does not bind until {@link Server#start} is called.
 */
@FunctionalInterface
public non-sealed interface ServerFactory extends Factory {

    Server create(Settings globalConf, Settings localConf) throws Exception;

    /**
     * The keys this provider reads from its section besides {@link dev.spawning.factory.server.ServerSettings#NAMES} (and the
     * controller's, {@link dev.spawning.factory.server.ServerSettings#CONTROLLER_NAMES}): any other key of a
     * {@code [server:...]} section is refused as a misspelling.
     */
    default Set<String> settingNames() {
        return Set.of();
    }
}
