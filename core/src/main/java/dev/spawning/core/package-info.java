/**
 * Deployment files: the loader as a library.
 *
 * <p>{@link dev.spawning.core.Deployment} loads apps, filters and servers from a deployment file
 * (INI or YAML) with Paste Deploy's semantics; {@link dev.spawning.core.SpawningModule} exposes
 * them to an application that uses Guice; {@link dev.spawning.core.FileFormat} converts a file
 * between INI and YAML and {@link dev.spawning.core.Providers} lists what a class path offers (both
 * for tools such as the {@code spawn} command, module {@code dev.spawning.cli}). Everything else here
 * is the loader's machinery, package-private: the readers ({@code IniReader}, {@code YamlFormat}),
 * interpolation, the per-file {@code ConfigLoader} and the loader contexts it builds, and provider
 * discovery ({@code ProviderRegistry}).
 *
 * <p>Threading: a load runs on the calling thread, from reading the files to building the
 * objects; nothing is shared between loads but the immutable {@code Deployment} and the default
 * Guice injector (thread-safe). The objects built are used by the server's threads.
 */
package dev.spawning.core;
