/**
 * The {@code topics} provider ({@link dev.spawning.examples.topics.TopicsAppFactory}): Comet, the
 * third of the apps from Spawning's own history. Per-topic append-only logs kept in files of a
 * shared directory, read by long-poll or as Server-Sent Events.
 *
 * <p>Threading: each request runs on its own (virtual) thread; a held long-poll or an event
 * stream is that thread parked on its topic's condition. Per app instance there is one more
 * thread, {@code topics-watcher}, which notices appends by other processes. Each topic's lock
 * guards its in-memory tail; appends take this JVM's lock of the file, then the file's lock, then
 * the topic's.
 */
package dev.spawning.examples.topics;
