/**
 * What server providers share, so that each writes only its engine: the lifecycle of a
 * {@link dev.spawning.factory.Server} ({@link dev.spawning.factory.spi.Lifecycle}), the call of an
 * app ({@link dev.spawning.factory.spi.AppCalls}), the responses a
 * server gives in place of an app's ({@link dev.spawning.factory.spi.ErrorResponses}), the access log
 * ({@link dev.spawning.factory.spi.AccessLogSink}) and the naming of an address that cannot be bound
 * ({@link dev.spawning.factory.spi.BindFailures}), and the strict HTTP/1.1 decoders both providers
 * read requests with ({@link dev.spawning.factory.spi.HeadDecoder},
 * {@link dev.spawning.factory.spi.ChunkDecoder}), so that both refuse the same requests with the
 * same status ({@link dev.spawning.factory.spi.HttpRefusal}). Apps and deployment files never need
 * this package.
 */
package dev.spawning.factory.spi;
