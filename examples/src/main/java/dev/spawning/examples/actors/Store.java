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
     * An actor as its owner reads it from the store.
     *
     * @param id       its id
     * @param snapshot its last snapshot
     * @param pending  the messages accepted after {@code snapshot.applied()}, in order: not handled
     *                 yet as far as the disk knows
     */
    record Restored(String id, Snapshot snapshot, List<Mail> pending) {
    }

    /** An actor owned by this process: no other process has it live until {@link #release}. */
    interface Ownership {

        /**
         * Gives the actor up, once every operation asked for it before is done (so that the next
         * owner reads everything this one kept).
         *
         * @throws IOException when the lock cannot be released
         */
        void release() throws IOException;
    }

    /**
     * The ids of the actors kept, as far as a look at the store now tells.
     *
     * @return the ids, sorted
     * @throws IOException when the store cannot be read
     */
    List<String> ids() throws IOException;

    /**
     * The type of a kept actor, read without owning it, for checks at start.
     *
     * @param id the actor
     * @return its type's name, or {@code null} when it is not kept (or was deleted meanwhile)
     * @throws IOException when its snapshot cannot be read
     */
    String typeOf(String id) throws IOException;

    /**
     * The ids of the actors that may have messages not yet handled, for a start to pick up.
     *
     * @return the ids, sorted
     * @throws IOException when the store cannot be read
     */
    List<String> withJournal() throws IOException;

    /**
     * Takes an actor for this process, waiting at most {@code wait} while another process (or
     * another app of this one) has it.
     *
     * @param id   the actor
     * @param wait how long to wait; zero to try once
     * @return the ownership, or {@code null} when the actor stayed taken
     * @throws IOException when the lock cannot be taken for another reason
     */
    Ownership own(String id, java.time.Duration wait) throws IOException;

    /**
     * Reads an actor, which the caller owns.
     *
     * @param id the actor
     * @return the actor with its messages not yet handled, or {@code null} when none is kept
     * @throws IOException when it cannot be read
     */
    Restored load(String id) throws IOException;

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
