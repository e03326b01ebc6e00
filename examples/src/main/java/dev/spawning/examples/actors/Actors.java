package dev.spawning.examples.actors;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.JsonNode;

/**
 * The live actors of one app, by id, restored from the store on start.
 *
 * <p>Threading: any request thread. {@link #lifecycle} serialises creating and deleting actors
 * (rare, and each waits for the store); it is taken before an actor's own lock, never after.
 * Replacing a state and casting take only the actor's lock.
 */
final class Actors implements AutoCloseable {

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

    private final Map<String, ActorType> types;
    private final Store store;
    private final int capacity;
    private final ConcurrentHashMap<String, Actor> live = new ConcurrentHashMap<>();
    private final ReentrantLock lifecycle = new ReentrantLock();

    private Actors(Map<String, ActorType> types, Store store, int capacity) {
        this.types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        this.store = store;
        this.capacity = capacity;
    }

    /**
     * The actors the store keeps, each handling the mail it had not handled.
     *
     * @throws IOException when the store cannot be read, or keeps an actor of a type not enabled
     */
    static Actors open(Map<String, ActorType> types, Store store, int capacity) throws IOException {
        Actors actors = new Actors(types, store, capacity);
        for (Store.Restored restored : store.restore()) {
            ActorType type = types.get(restored.snapshot().type());
            if (type == null) {
                throw new IOException("Actor '" + restored.id() + "' is a " + restored.snapshot().type()
                        + ", a type this app does not enable (types = " + String.join(" ", types.keySet())
                        + "); add it to types, or delete the actor's files");
            }
            actors.live.put(restored.id(), Actor.restore(restored, type, store, capacity));
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

    Actor get(String id) {
        return live.get(id);
    }

    List<String> ids() {
        return live.keySet().stream().sorted().toList();
    }

    /**
     * Creates or replaces an actor's state.
     *
     * @param ifMatch the {@code If-Match} field, or {@code null}
     * @throws Preconditions.PreconditionFailed when it does not match
     */
    Put put(String id, ActorType type, JsonNode state, String ifMatch) {
        while (true) {
            Actor actor = live.get(id);
            if (actor == null) {
                Put created = create(id, type, state, ifMatch);
                if (created != null) {
                    return created;
                }
                continue;
            }
            if (!actor.type().name().equals(type.name())) {
                return new Put.OtherType(actor.type().name());
            }
            byte[] replaced = actor.replace(state, ifMatch);
            if (replaced != null) {
                return new Put.Replaced(replaced);
            }
            // Deleted meanwhile: it is gone from the map now; create it afresh.
        }
    }

    private Put create(String id, ActorType type, JsonNode state, String ifMatch) {
        lifecycle.lock();
        try {
            if (live.containsKey(id)) {
                return null;
            }
            Preconditions.checkIfMatch(ifMatch, null);
            Actor actor = Actor.create(id, type, store, capacity, state);
            store.snapshot(id, actor.snapshot()).join();
            live.put(id, actor);
            return new Put.Created(actor.representation());
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Deletes an actor.
     *
     * @return whether there was one to delete
     * @throws Preconditions.PreconditionFailed when {@code ifMatch} does not match
     */
    boolean delete(String id, String ifMatch) {
        lifecycle.lock();
        try {
            Actor actor = live.get(id);
            return actor != null && actor.delete(ifMatch, () -> live.remove(id, actor));
        } finally {
            lifecycle.unlock();
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
