/**
 * The built-in providers: {@code urlmap} and {@code cascade} (composites) and {@code prefix} (a
 * filter-app), with the semantics of Paste Deploy's. Not exported: found through
 * {@link java.util.ServiceLoader} by name only.
 */
package dev.spawning.core.builtin;
