/**
 * What server providers share, so that each writes only its engine: the lifecycle of a
 * {@link dev.spawning.factory.Server} ({@link dev.spawning.factory.spi.Lifecycle}), the call of an
 * app ({@link dev.spawning.factory.spi.AppCalls}), the responses a
 * server gives in place of an app's ({@link dev.spawning.factory.spi.ErrorResponses}), the access log
 * ({@link dev.spawning.factory.spi.AccessLogSink}) and the naming of an address that cannot be bound
 * ({@link dev.spawning.factory.spi.BindFailures}). Apps and deployment files never need this package.
 */
package dev.spawning.factory.spi;
