/**
 * Deployment files and the {@code spawn} command.
 *
 * <p>{@link dev.spawning.core.Deployment} loads apps, filters and servers from a deployment file
 * (INI or YAML) with Paste Deploy's semantics; {@link dev.spawning.core.SpawningModule} exposes
 * them to an application that uses Guice; {@link dev.spawning.core.Spawn} is the command line.
 * Everything else here is the loader's machinery, package-private: the readers
 * ({@code IniReader}, {@code YamlFormat}), interpolation, the per-file {@code ConfigLoader} and the
 * loader contexts it builds, provider discovery ({@code ProviderRegistry}) and the commands.
 *
 * <p>Threading: a load runs on the calling thread, from reading the files to building the
 * objects; nothing is shared between loads but the immutable {@code Deployment} and the default
 * Guice injector (thread-safe). The objects built are used by the server's threads.
 */
package dev.spawning.core;
