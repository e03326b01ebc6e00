/**
 * Server provider {@code undertow}: HTTP/1.1 on Undertow core, with each request's app running on
 * a virtual thread (or on a pool of platform threads when {@code threads} is set).
 */
module dev.spawning.undertow {
    // Transitive: the exported factory takes and returns its types (Settings, Server, App).
    requires transitive dev.spawning.factory;
    requires undertow.core;
    requires xnio.api;
    requires java.logging;

    exports dev.spawning.undertow;

    provides dev.spawning.factory.Factory with dev.spawning.undertow.UndertowServerFactory;
}
