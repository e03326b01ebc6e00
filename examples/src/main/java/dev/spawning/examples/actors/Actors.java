package dev.spawning.examples.actors;

import java.io.IOException;
import java.io.Serial;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The actors of one app. An actor is live in at most one process (or app) at a time: a request
 * takes it from the store ({@link Store#own}, waiting at most {@code lockWait} while another
 * process has it), loads it, and the process keeps it while requests use it or it has mail; once
 * it is idle its snapshot is kept and it is given up, so that the next request, in whatever
 * process, reads it afresh from the store. So several processes share one {@code data_dir}
 * without two live copies of an actor, without false 404s and without lost messages.
 *
 * <p>Threading: any request thread. Each id has a {@link Slot} whose lock guards taking, giving
 * up, creating and deleting that actor; it is taken before the actor's own lock, never after.
 * Reading, replacing a state and casting hold a use of the slot (so the actor is not given up)
 * but not its lock, except PUT and DELETE which hold it to be alone.
 */
final class Actors implements AutoCloseable {

    /** The actor is live in another process (or app) and was not given up in time: answer 503. */
    static final class Busy extends RuntimeException {

        @Serial
        private static final long serialVersionUID = 1L;

        Busy(String id) {
            super("actor \"" + id + "\" is busy in another process; retry later", null, false, false);
        }
    }

    /** What a PUT came to. */
    sealed interface Put {

        /** @param representation the new actor's representation */
        record Created(byte[] representation) implements Put {
        }

        /** @param representation the actor's new representation */
        record Replaced(byte[] representation) implements Put {
        }

        /** @param existing the type of the actor already there */
        record OtherType(String existing) implements Put {
        }
    }

    /** One id's place in this process. */
    private static final class Slot {

        final String id;
        final ReentrantLock lock = new ReentrantLock();
        // Guarded by lock.
        Store.Ownership ownership;
        Actor actor;
        int users;

        Slot(String id) {
            this.id = id;
        }
    }

    private final Map<String, ActorType> types;
    private final Store store;
    private final int capacity;
    private final Duration lockWait;
    /** Slots are never removed: two slots for one id would make this process wait on itself. */
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    private Actors(Map<String, ActorType> types, Store store, int capacity, Duration lockWait) {
        this.types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        this.store = store;
        this.capacity = capacity;
        this.lockWait = lockWait;
    }

    /**
     * The actors of a store: checks that every actor kept is of an enabled type, then takes up
     * the actors with mail not yet handled that no other process has, to handle it.
     *
     * @throws IOException when the store cannot be read, or keeps an actor of a type not enabled
     */
    static Actors open(Map<String, ActorType> types, Store store, int capacity, Duration lockWait) throws IOException {
        Actors actors = new Actors(types, store, capacity, lockWait);
        for (String id : store.ids()) {
            String type = store.typeOf(id);
            if (type != null && !types.containsKey(type)) {
                throw new IOException("Actor '" + id + "' is a " + type + ", a type this app does not enable (types = "
                        + String.join(" ", types.keySet()) + "); add it to types, or delete the actor's files");
            }
        }
        for (String id : store.withJournal()) {
            actors.pickUp(id);
        }
        return actors;
    }

    /** {@return the enabled types' names, in the order of the {@code types} setting} */
    List<String> typeNames() {
        return List.copyOf(types.keySet());
    }

    ActorType type(String name) {
        return types.get(name);
    }

    /** {@return the ids of the actors kept, in every process} */
    List<String> ids() throws IOException {
        return store.ids();
    }

    /**
     * Runs {@code action} on an actor, live in this process meanwhile.
     *
     * @param action given the actor, or {@code null} when there is none
     * @throws Busy when another process has it
     */
    <T> T using(String id, Function<Actor, T> action) throws IOException {
        if (missing(id)) {
            return action.apply(null);
        }
        Slot slot = acquire(id);
        try {
            return action.apply(slot.actor);
        } finally {
            release(slot);
        }
    }

    /**
     * Creates or replaces an actor's state.
     *
     * @param ifMatch the {@code If-Match} field, or {@code null}
     * @throws Preconditions.PreconditionFailed when it does not match
     * @throws Busy when another process has the actor
     */
    Put put(String id, ActorType type, JsonNode state, String ifMatch) throws IOException {
        Slot slot = acquire(id);
        slot.lock.lock();
        try {
            Actor actor = slot.actor;
            if (actor == null) {
                Preconditions.checkIfMatch(ifMatch, null);
                actor = Actor.create(id, type, store, capacity, state, () -> idle(slot));
                store.snapshot(id, actor.snapshot()).join();
                slot.actor = actor;
                return new Put.Created(actor.representation());
            }
            if (!actor.type().name().equals(type.name())) {
                return new Put.OtherType(actor.type().name());
            }
            return new Put.Replaced(actor.replace(state, ifMatch));
        } finally {
            slot.lock.unlock();
            release(slot);
        }
    }

    /**
     * Deletes an actor.
     *
     * @return whether there was one to delete
     * @throws Preconditions.PreconditionFailed when {@code ifMatch} does not match
     * @throws Busy when another process has the actor
     */
    boolean delete(String id, String ifMatch) throws IOException {
        if (missing(id)) {
            return false;
        }
        Slot slot = acquire(id);
        slot.lock.lock();
        try {
            if (slot.actor == null || !slot.actor.delete(ifMatch)) {
                return false;
            }
            slot.actor = null;
            return true;
        } finally {
            slot.lock.unlock();
            release(slot);
        }
    }

    /**
     * Whether no actor is kept under this id now, seen without taking it: a snapshot is kept
     * before a create is answered and removed first by a delete, so its absence means there is no
     * actor, in any process. (Answering 404 this way takes no lock and makes no lock file.)
     */
    private boolean missing(String id) throws IOException {
        Slot slot = slots.get(id);
        if (slot != null) {
            slot.lock.lock();
            try {
                if (slot.ownership != null) {
                    return slot.actor == null;
                }
            } finally {
                slot.lock.unlock();
            }
        }
        return store.typeOf(id) == null;
    }

    /** Takes the actor for this process if it is not yet, and counts one more use. */
    private Slot acquire(String id) throws IOException {
        Slot slot = slots.computeIfAbsent(id, Slot::new);
        slot.lock.lock();
        try {
            if (slot.ownership == null) {
                Store.Ownership ownership = store.own(id, lockWait);
                if (ownership == null) {
                    throw new Busy(id);
                }
                take(slot, ownership);
            }
            slot.users++;
            return slot;
        } finally {
            slot.lock.unlock();
        }
    }

    /** At start: takes up an actor that may have mail, unless another process has it. */
    private void pickUp(String id) throws IOException {
        Slot slot = slots.computeIfAbsent(id, Slot::new);
        slot.lock.lock();
        try {
            if (slot.ownership == null) {
                Store.Ownership ownership = store.own(id, Duration.ZERO);
                if (ownership != null) {
                    take(slot, ownership);
                    giveUpIfIdle(slot);
                }
            }
        } finally {
            slot.lock.unlock();
        }
    }

    private void take(Slot slot, Store.Ownership ownership) throws IOException {
        try {
            Store.Restored restored = store.load(slot.id);
            slot.actor = restored == null ? null : Actor.restore(restored, typeOf(restored), store, capacity,
                    () -> idle(slot));
            slot.ownership = ownership;
        } catch (IOException | RuntimeException failed) {
            ownership.release();
            throw failed;
        }
    }

    private ActorType typeOf(Store.Restored restored) throws IOException {
        ActorType type = types.get(restored.snapshot().type());
        if (type == null) {
            throw new IOException("Actor '" + restored.id() + "' is a " + restored.snapshot().type()
                    + ", a type this app does not enable");
        }
        return type;
    }

    private void release(Slot slot) {
        slot.lock.lock();
        try {
            slot.users--;
            giveUpIfIdle(slot);
        } finally {
            slot.lock.unlock();
        }
    }

    /** Called by an actor's thread when its mailbox is empty. */
    private void idle(Slot slot) {
        slot.lock.lock();
        try {
            giveUpIfIdle(slot);
        } finally {
            slot.lock.unlock();
        }
    }

    private void giveUpIfIdle(Slot slot) {
        if (slot.users > 0 || slot.ownership == null || (slot.actor != null && !slot.actor.quiescent())) {
            return;
        }
        try {
            slot.ownership.release();
        } catch (IOException ignored) {
            // The lock goes with the channel, which release closes whatever happens.
        }
        slot.ownership = null;
        slot.actor = null;
    }

    /** For tests: whether this process has given the actor up (or never had it). */
    boolean givenUp(String id) {
        Slot slot = slots.get(id);
        if (slot == null) {
            return true;
        }
        slot.lock.lock();
        try {
            return slot.ownership == null;
        } finally {
            slot.lock.unlock();
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
