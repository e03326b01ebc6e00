package dev.spawning.core.builtin;

import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Origin;
import dev.spawning.factory.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The errors found in one section, so that a factory reports all of them at once, one line each,
 * as the loader reports a file's problems, instead of making the user fix them one run at a time.
 * Not thread-safe; one per {@code create} call.
 */
final class Problems {

    private final List<FactoryException.Issue> issues = new ArrayList<>();

    /** Notes an error about {@code key} of {@code local}: {@code Error in file F: line N: [section] TEXT}. */
    void add(Settings local, String key, String text) {
        issues.add(at(local, key, text));
    }

    /** Notes each issue of {@code error}. */
    void add(FactoryException error) {
        issues.addAll(error.issues());
    }

    /** The value read, or {@code null} after noting the {@link FactoryException} it threw. */
    <T> T read(Supplier<T> reader) {
        try {
            return reader.get();
        } catch (FactoryException e) {
            add(e);
            return null;
        }
    }

    /** Throws every error noted so far as one {@link FactoryException}, one issue each. */
    void throwIfAny() {
        if (!issues.isEmpty()) {
            throw new FactoryException(issues);
        }
    }

    /**
     * An error about {@code key} of {@code local} ({@code null}: about the section), at the key's
     * line (or the section's): {@code Error in file F: line N: [section] TEXT}.
     */
    static FactoryException.Issue at(Settings local, String key, String text) {
        Origin origin = (key == null ? local.sectionOrigin() : local.origin(key)).orElse(null);
        return new FactoryException.Issue(text, origin, local.section().isEmpty() ? null : local.section(), key);
    }
}
