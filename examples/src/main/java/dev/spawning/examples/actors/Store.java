package dev.spawning.examples.actors;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * Where actors are kept across restarts. Every operation on one actor is carried out in the order
 * it was asked for; a future completes once the operation is durable (or fails with the
 * {@link IOException} that stopped it). No method blocks on an actor's lock, so an actor may call
 * them while holding its own.
 */
interface Store extends AutoCloseable {

    /**
     * A message accepted for an actor, with its sequence number.
     *
     * @param seq     the actor's sequence number for it, from 1, increasing by one per message
     * @param message the message
     */
    record Mail(long seq, JsonNode message) {
    }

    /**
     * An actor as a snapshot keeps it.
     *
     * @param type    the type's name
     * @param version the representation's version when the snapshot was taken
     * @param applied the sequence number of the last message handled (0 before any)
     * @param state   the state after that message
     */
    record Snapshot(String type, long version, long applied, JsonNode state) {
    }

    /**
     * An actor found on start.
     *
     * @param id       its id
     * @param snapshot its last snapshot
     * @param pending  the messages accepted after {@code snapshot.applied()}, in order: not handled
     *                 yet as far as the disk knows
     */
    record Restored(String id, Snapshot snapshot, List<Mail> pending) {
    }

    /**
     * Every actor kept, for a start.
     *
     * @return the actors, sorted by id
     * @throws IOException when the data cannot be read
     */
    List<Restored> restore() throws IOException;

    /**
     * Keeps a message; once it is durable, runs {@code durable} (on the store's thread, in the
     * order the messages were appended), then completes the future.
     *
     * @param id      the actor
     * @param mail    the message
     * @param durable what to do once it is kept, such as putting it in the mailbox; it must not
     *                block
     * @return completed when the message is kept
     */
    CompletableFuture<Void> append(String id, Mail mail, Runnable durable);

    /**
     * Keeps a snapshot, and forgets the messages it has handled.
     *
     * @param id       the actor
     * @param snapshot the snapshot
     * @return completed when the snapshot is kept
     */
    CompletableFuture<Void> snapshot(String id, Snapshot snapshot);

    /**
     * Forgets an actor.
     *
     * @param id the actor
     * @return completed when it is forgotten
     */
    CompletableFuture<Void> delete(String id);

    /** Stops the store once what was asked for is done; later operations fail. */
    @Override
    void close();
}
