package dev.spawning.undertow;

import java.io.Closeable;
import java.io.IOException;

/**
 * Closing where a failure to close changes nothing: the connection is being abandoned anyway.
 * (XNIO's {@code IoUtils.safeClose} would do, but its overloads drag {@code java.util.logging}
 * into this module's compilation.)
 */
final class Quietly {

    private Quietly() {
    }

    static void close(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Closing was the last thing to do with it.
        }
    }
}
