/**
 * spawn's controller: binds the listening socket once, runs worker JVMs that serve it, replaces
 * crashed ones, and reloads them generation by generation without dropping a request. Linux only
 * (it binds with the foreign-function API and reads {@code /proc}).
 */
module dev.spawning.controller {
    requires transitive dev.spawning.core;
    requires tools.jackson.core;
    requires jdk.unsupported;
    requires jdk.httpserver;

    exports dev.spawning.controller;
}
