package dev.spawning.factory;

/** Serves an app until stopped (Paste's {@code paste.server_runner}); blocks the calling thread. */
@FunctionalInterface
public non-sealed interface ServerRunner extends Factory {

    /**
     * Serves {@code app} until stopped, blocking the calling thread all the while. The loader runs
     * it on a thread of its own when the server is started, and stops it by interrupting that
     * thread: {@code run} should then return (or throw {@link InterruptedException}) within the
     * grace period of the stop ({@code graceful_timeout} of the section unless the stop gives
     * another).
     *
     * @param app        the app to serve
     * @param globalConf the global conf (see {@link Factory})
     * @param localConf  the local conf: this section's own keys (see {@link Factory})
     * @throws InterruptedException when interrupted: a stop, not a failure
     * @throws Exception any other failure; waiting for the server then throws a
     *                   {@link FactoryException} with it as the cause
     */
    void run(App app, Settings globalConf, Settings localConf) throws Exception;
}
