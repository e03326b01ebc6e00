/**
 * The contract between deployment files and the code they compose: the server-neutral app model
 * and the six factory protocols; and, in {@code dev.spawning.factory.server}, the building blocks
 * server providers share. JDK only but for two libraries: the servers' metrics, kept with
 * Micrometer and written in Prometheus' text format (no Micrometer type is part of the API), and
 * BouncyCastle's PEM parser, which reads the key files of TLS
 * ({@code dev.spawning.factory.server.TlsSettings}).
 */
module dev.spawning.factory {
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires io.prometheus.metrics.model;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;

    exports dev.spawning.factory;
    exports dev.spawning.factory.server;
}
