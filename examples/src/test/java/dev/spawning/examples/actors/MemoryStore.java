package dev.spawning.examples.actors;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A store that keeps nothing, for the tests of what does not depend on the disk. */
final class MemoryStore implements Store {

    @Override
    public List<Restored> restore() {
        return List.of();
    }

    @Override
    public synchronized CompletableFuture<Void> append(String id, Mail mail, Runnable durable) {
        durable.run();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> snapshot(String id, Snapshot snapshot) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> delete(String id) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
    }
}
