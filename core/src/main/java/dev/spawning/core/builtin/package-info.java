/**
 * The built-in providers: {@code urlmap} and {@code cascade} (composites), {@code prefix} (a
 * filter-app) and {@code static} (an app serving a directory's files), with the semantics of Paste
 * Deploy's and Paste's. Not exported: found through
 * {@link java.util.ServiceLoader} by name only.
 */
package dev.spawning.core.builtin;
