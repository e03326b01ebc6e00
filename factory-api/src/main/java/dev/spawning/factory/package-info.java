/**
 * The app model and the factory protocols of Spawning.
 *
 * <p>An {@link dev.spawning.factory.App} turns a {@link dev.spawning.factory.Request} into a
 * {@link dev.spawning.factory.Response}; a {@link dev.spawning.factory.Filter} wraps an app.
 * Factories build them from a section of a deployment file: every factory receives the global
 * conf and the local conf of its section as {@link dev.spawning.factory.Settings}. A factory found
 * by name (the word after {@code service:}) implements one protocol, carries
 * {@link dev.spawning.factory.FactoryProvider} and is listed for {@link java.util.ServiceLoader}
 * under {@link dev.spawning.factory.Factory}.
 *
 * <p>Threading: a server calls {@link dev.spawning.factory.App#handle} once per request on a
 * thread of its own (a virtual thread unless the server is told otherwise); blocking there is
 * allowed. Every type here is immutable and thread-safe except the request body stream, which
 * belongs to the thread handling the request.
 */
package dev.spawning.factory;
