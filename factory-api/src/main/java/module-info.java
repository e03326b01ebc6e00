/**
 * The contract between deployment files and the code they compose: the server-neutral app model
 * and the six factory protocols; and, in {@code dev.spawning.factory.server}, the building blocks
 * server providers share. JDK only but for the servers' metrics, kept with Micrometer and written
 * in Prometheus' text format; no Micrometer type is part of the API.
 */
module dev.spawning.factory {
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires io.prometheus.metrics.model;

    exports dev.spawning.factory;
    exports dev.spawning.factory.server;
}
