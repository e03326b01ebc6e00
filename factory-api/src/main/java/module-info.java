/**
 * The contract between deployment files and the code they compose: the server-neutral app model
 * and the six factory protocols; and, in {@code dev.spawning.factory.server}, the building blocks
 * server providers share. JDK only.
 */
module dev.spawning.factory {
    exports dev.spawning.factory;
    exports dev.spawning.factory.server;
}
