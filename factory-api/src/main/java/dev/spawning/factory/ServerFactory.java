package dev.spawning.factory;

/**
 * Builds a server from a {@code [server:...]} section (Paste's {@code paste.server_factory}). The
 * server does not bind until {@link Server#start} is called.
 */
@FunctionalInterface
public non-sealed interface ServerFactory extends Factory {

    Server create(Settings globalConf, Settings localConf) throws Exception;
}
