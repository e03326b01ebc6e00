/**
 * The contract between deployment files and the code they compose: the server-neutral app model
 * and the six factory protocols; and, in {@code spi}, what server providers share. JDK only.
 */
module dev.spawning.factory {
    exports dev.spawning.factory;
    exports dev.spawning.factory.spi;
}
