package dev.spawning.factory;

/** Serves an app until stopped (Paste's {@code paste.server_runner}); blocks the calling thread. */
@FunctionalInterface
public non-sealed interface ServerRunner extends Factory {

    void run(App app, Settings globalConf, Settings localConf) throws Exception;
}
