/**
 * Server provider {@code coroutine}: an HTTP/1.1 engine of its own on virtual threads, one per
 * connection, the Java counterpart of eventlet.wsgi.
 */
module dev.spawning.coroutine {
    // Transitive: the exported factory takes and returns its types (Settings, Server, App).
    requires transitive dev.spawning.factory;

    exports dev.spawning.coroutine;

    provides dev.spawning.factory.Factory with dev.spawning.coroutine.CoroutineServerFactory;
}
