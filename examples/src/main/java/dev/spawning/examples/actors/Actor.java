package dev.spawning.examples.actors;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One live actor: its state, its mailbox, and the virtual thread that handles its mail while it has
 * any (no thread while it is idle).
 *
 * <p>Threading: {@link #lock} guards the state, the version, the mailbox and the sequence numbers.
 * {@code received} runs on the actor's thread without it (a cast never waits for a handler); a
 * reader, a PUT and a DELETE wait under it for {@link #betweenMessages}, so they see and change
 * the actor only between two messages. Durable messages arrive from the store's thread through {@link #inbox}
 * without the lock (so the store never waits for an actor) and move to the mailbox under it.
 * Waits on the store that hold the lock are for PUT and DELETE only, never for a cast.
 */
final class Actor {

    /** How many messages are handled between two snapshots while the mailbox stays busy. */
    static final int SNAPSHOT_EVERY = 100;

    /** What a cast came to. */
    enum Cast { ACCEPTED, FULL, GONE }

    private final String id;
    private final ActorType type;
    private final Store store;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition betweenMessages = lock.newCondition();
    private final ConcurrentLinkedQueue<Store.Mail> inbox = new ConcurrentLinkedQueue<>();
    /** Messages reserved or kept but not yet in the mailbox: they count against the capacity. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    /** Told, on the actor's thread and without its lock, each time the mailbox runs dry. */
    private final Runnable onIdle;

    // Guarded by lock.
    private final ArrayDeque<Store.Mail> mailbox = new ArrayDeque<>();
    private JsonNode state;
    private long version;
    private long applied;
    private long nextSeq;
    private int handledSinceSnapshot;
    private boolean deleted;
    /** A message is being handled: the state is about to change. */
    private boolean handling;

    private Actor(String id, ActorType type, Store store, int capacity, Store.Snapshot snapshot, Runnable onIdle) {
        this.id = id;
        this.onIdle = onIdle;
        this.type = type;
        this.store = store;
        this.capacity = capacity;
        this.state = snapshot.state();
        this.version = snapshot.version();
        this.applied = snapshot.applied();
        this.nextSeq = snapshot.applied() + 1;
    }

    /** A new actor, not yet kept by the store. */
    static Actor create(String id, ActorType type, Store store, int capacity, JsonNode state, Runnable onIdle) {
        return new Actor(id, type, store, capacity, new Store.Snapshot(type.name(), 1, 0, state), onIdle);
    }

    /** An actor restored from the store, with the mail it had not handled; it starts handling it. */
    static Actor restore(Store.Restored restored, ActorType type, Store store, int capacity, Runnable onIdle) {
        Actor actor = new Actor(restored.id(), type, store, capacity, restored.snapshot(), onIdle);
        for (Store.Mail mail : restored.pending()) {
            actor.mailbox.add(mail);
            actor.nextSeq = mail.seq() + 1;
        }
        actor.version += restored.pending().size();
        actor.schedule();
        return actor;
    }

    String id() {
        return id;
    }

    ActorType type() {
        return type;
    }

    /** The snapshot of a new actor, for the store. */
    Store.Snapshot snapshot() {
        lock.lock();
        try {
            return new Store.Snapshot(type.name(), version, applied, state);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The representation, {@code {"type", "version", "state", "mailbox"}}, as bytes.
     *
     * @return the bytes, or {@code null} once the actor is deleted
     */
    byte[] representation() {
        lock.lock();
        try {
            awaitBetweenMessages();
            return deleted ? null : representationLocked();
        } finally {
            lock.unlock();
        }
    }

    private byte[] representationLocked() {
        drainInbox();
        ObjectNode body = Json.object();
        body.put("type", type.name());
        body.put("version", version);
        body.set("state", state.deepCopy());
        ArrayNode messages = body.putArray("mailbox");
        mailbox.forEach(mail -> messages.add(mail.message().deepCopy()));
        return Json.bytes(body);
    }

    /**
     * Casts a message, already checked against the handlers: reserves a place in the mailbox, and
     * waits (without the lock) until the store keeps it; it is then in the mailbox.
     *
     * @param message the message
     * @return {@code ACCEPTED} once kept, {@code FULL} when the mailbox has no room, {@code GONE}
     *         when the actor was deleted meanwhile
     * @throws java.util.concurrent.CompletionException when the store fails
     */
    Cast cast(JsonNode message) {
        CompletableFuture<Void> kept;
        lock.lock();
        try {
            if (deleted) {
                return Cast.GONE;
            }
            drainInbox();
            if (mailbox.size() + inFlight.get() >= capacity) {
                return Cast.FULL;
            }
            inFlight.incrementAndGet();
            Store.Mail mail = new Store.Mail(nextSeq++, message);
            kept = store.append(id, mail, () -> deliver(mail));
        } finally {
            lock.unlock();
        }
        try {
            kept.join();
        } catch (RuntimeException failed) {
            inFlight.decrementAndGet();
            throw failed;
        }
        return Cast.ACCEPTED;
    }

    /** Called by the store's thread once a message is kept. */
    private void deliver(Store.Mail mail) {
        inbox.add(mail);
        schedule();
    }

    /** Moves kept messages into the mailbox, in order; each is a change of the representation. */
    private void drainInbox() {
        for (Store.Mail mail = inbox.poll(); mail != null; mail = inbox.poll()) {
            inFlight.decrementAndGet();
            if (!deleted) {
                mailbox.add(mail);
                version++;
            }
        }
    }

    private void schedule() {
        if (running.compareAndSet(false, true)) {
            Thread.ofVirtual().name("actor-" + id).start(this::run);
        }
    }

    /** The actor's thread: handles mail one message at a time until none is left. */
    private void run() {
        while (true) {
            while (handleOne()) {
                // One message per lock hold, so readers and PUTs get in between messages.
            }
            running.set(false);
            // A message delivered after the last look but before running was cleared found running
            // set and started no thread: look again.
            if (inbox.isEmpty() || !running.compareAndSet(false, true)) {
                onIdle.run();
                return;
            }
        }
    }

    /**
     * Handles the next message; {@code false} when there is none. {@code received} runs without
     * the lock, so casts are never held up by a slow handler; readers and PUTs wait for
     * {@link #betweenMessages} instead.
     */
    private boolean handleOne() {
        Store.Mail mail;
        JsonNode before;
        lock.lock();
        try {
            drainInbox();
            mail = deleted ? null : mailbox.poll();
            if (mail == null) {
                if (!deleted && handledSinceSnapshot > 0) {
                    snapshotLocked();
                }
                return false;
            }
            handling = true;
            before = state;
        } finally {
            lock.unlock();
        }
        JsonNode after = received(before, mail.message());
        lock.lock();
        try {
            state = after;
            applied = mail.seq();
            version++;
            handledSinceSnapshot++;
            handling = false;
            betweenMessages.signalAll();
            if (handledSinceSnapshot >= SNAPSHOT_EVERY && !deleted) {
                snapshotLocked();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next state. A message no handler takes (it was checked when cast, so this happens only
     * when a type changed its handlers), a handler that fails, and one that gives a state not of
     * the type leave the state as it was: the actor goes on with its next message.
     */
    private JsonNode received(JsonNode before, JsonNode message) {
        if (type.dispatch(message) instanceof ActorType.Dispatch.To(ActorType.Handler handler)) {
            try {
                JsonNode next = handler.received().apply(before, message);
                return next != null && type.checkState(next) == null ? next : before;
            } catch (RuntimeException failed) {
                return before;
            }
        }
        return before;
    }

    /** Waits, holding the lock, until no message is being handled. */
    private void awaitBetweenMessages() {
        while (handling) {
            betweenMessages.awaitUninterruptibly();
        }
    }

    /** Asks for a snapshot without waiting: the journal keeps what it does not yet cover. */
    private void snapshotLocked() {
        store.snapshot(id, new Store.Snapshot(type.name(), version, applied, state));
        handledSinceSnapshot = 0;
    }

    /**
     * Replaces the state between two messages, once the store keeps it.
     *
     * @param newState the new state, checked against the type
     * @param ifMatch  the {@code If-Match} field, or {@code null}
     * @return the new representation, or {@code null} when the actor was deleted meanwhile
     * @throws PreconditionFailed when {@code ifMatch} does not match
     */
    byte[] replace(JsonNode newState, String ifMatch) {
        lock.lock();
        try {
            awaitBetweenMessages();
            if (deleted) {
                return null;
            }
            Preconditions.checkIfMatch(ifMatch, Json.etag(representationLocked()));
            store.snapshot(id, new Store.Snapshot(type.name(), version + 1, applied, newState)).join();
            state = newState;
            version++;
            handledSinceSnapshot = 0;
            return representationLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Deletes the actor, once the store forgets it; messages still in its mailbox are dropped.
     *
     * @param ifMatch the {@code If-Match} field, or {@code null}
     * @return whether it was deleted by this call ({@code false}: already deleted)
     * @throws PreconditionFailed when {@code ifMatch} does not match
     */
    boolean delete(String ifMatch) {
        lock.lock();
        try {
            awaitBetweenMessages();
            if (deleted) {
                return false;
            }
            Preconditions.checkIfMatch(ifMatch, Json.etag(representationLocked()));
            store.delete(id).join();
            deleted = true;
            mailbox.clear();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the actor has nothing to do: no thread, no mail, no message on its way. With no
     * request using it, it can then be given up.
     */
    boolean quiescent() {
        lock.lock();
        try {
            return !running.get() && !handling && inbox.isEmpty() && inFlight.get() == 0 && mailbox.isEmpty();
        } finally {
            lock.unlock();
        }
    }
}
