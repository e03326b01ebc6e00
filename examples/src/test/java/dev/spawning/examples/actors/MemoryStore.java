package dev.spawning.examples.actors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A store that keeps snapshots in memory and no journal, for the tests of what does not depend on
 * the disk; every actor is always free to take.
 */
final class MemoryStore implements Store {

    private final ConcurrentSkipListMap<String, Snapshot> snapshots = new ConcurrentSkipListMap<>();

    @Override
    public List<String> ids() {
        return List.copyOf(snapshots.keySet());
    }

    @Override
    public String typeOf(String id) {
        Snapshot snapshot = snapshots.get(id);
        return snapshot == null ? null : snapshot.type();
    }

    @Override
    public List<String> withJournal() {
        return List.of();
    }

    @Override
    public Ownership own(String id, Duration wait) {
        return () -> { };
    }

    @Override
    public Restored load(String id) {
        Snapshot snapshot = snapshots.get(id);
        return snapshot == null ? null : new Restored(id, snapshot, List.of());
    }

    @Override
    public synchronized CompletableFuture<Void> append(String id, Mail mail, Runnable durable) {
        durable.run();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> snapshot(String id, Snapshot snapshot) {
        snapshots.put(id, snapshot);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> delete(String id) {
        snapshots.remove(id);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
    }
}
