package dev.spawning.factory;

import java.io.Serial;

/**
 * The one unchecked exception of the factory API: a bad setting, a misused call. Its message is
 * written for the user of a deployment file and names what to fix.
 */
public final class FactoryException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public FactoryException(String message) {
        super(message);
    }

    public FactoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
