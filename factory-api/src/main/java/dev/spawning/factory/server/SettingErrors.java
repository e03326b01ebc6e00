package dev.spawning.factory.server;

import dev.spawning.factory.FactoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads settings one after another, collecting every bad value instead of stopping at the first,
 * so that a user fixes a section in one pass. Not thread-safe: one per reading of a section.
 */
final class SettingErrors {

    private final List<FactoryException.Issue> issues = new ArrayList<>();

    /** The value {@code read} gives, or {@code fallback} once its error is noted. */
    <T> T read(Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (FactoryException bad) {
            issues.addAll(bad.issues());
            return fallback;
        }
    }

    /** The errors noted so far. */
    int count() {
        return issues.size();
    }

    /** @throws FactoryException with every error noted, if there is any */
    void throwIfAny() {
        if (!issues.isEmpty()) {
            throw new FactoryException(issues);
        }
    }
}
