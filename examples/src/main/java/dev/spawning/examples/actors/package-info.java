/**
 * Provider {@code actors}: actors over REST, after the actors of Spawning's own history. An actor
 * has private state and a bounded mailbox; a POST casts a message to it, and it handles its
 * messages one at a time, each by the first handler whose {@linkplain dev.spawning.examples.shapes
 * shape} matches, on a virtual thread of its own while it has mail. Accepted messages and states
 * are kept in {@code data_dir} (a journal and a snapshot per actor): a message accepted is handled
 * exactly once across crashes, reloads and restarts, and several processes may share the
 * directory, an actor being live in one of them at a time.
 *
 * <p>See {@link dev.spawning.examples.actors.ActorsAppFactory} for the settings and the wire
 * format.
 *
 * <p>Threading: request threads read and change actors under each actor's lock; each actor has a
 * virtual thread while it has mail; one virtual thread writes the store (see {@code DiskStore}).
 */
package dev.spawning.examples.actors;
