package dev.spawning.core.builtin;

import dev.spawning.factory.FactoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The errors found in one section, so that a factory reports all of them at once, one line each,
 * as the loader reports a file's problems, instead of making the user fix them one run at a time.
 * Not thread-safe; one per {@code create} call.
 */
final class Problems {

    private final List<String> messages = new ArrayList<>();

    /** Notes an error. */
    void add(String message) {
        messages.add(message);
    }

    /** The value read, or {@code null} after noting the {@link FactoryException} it threw. */
    <T> T read(Supplier<T> reader) {
        try {
            return reader.get();
        } catch (FactoryException e) {
            messages.add(e.getMessage());
            return null;
        }
    }

    /** Throws every error noted so far as one {@link FactoryException}, one per line. */
    void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new FactoryException(String.join("\n", messages));
        }
    }
}
