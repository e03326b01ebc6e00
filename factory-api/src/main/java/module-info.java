/**
 * The contract between deployment files and the code they compose: the server-neutral app model
 * and the six factory protocols. JDK only.
 */
module dev.spawning.factory {
    exports dev.spawning.factory;
}
