package dev.spawning.factory;

import java.io.Serial;
import java.util.List;

/**
 * The one unchecked exception of the factory API: a bad setting, a misused call. Its message is
 * written for the user of a deployment file and names what to fix; where several things are
 * wrong at once (every bad value of a section), {@link #messages()} holds each of them.
 */
public final class FactoryException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Each problem found, in the order found; one for an exception made from one message. */
    private final transient List<String> messages;

    public FactoryException(String message) {
        super(message);
        this.messages = List.of(String.valueOf(message));
    }

    public FactoryException(String message, Throwable cause) {
        super(message, cause);
        this.messages = List.of(String.valueOf(message));
    }

    /**
     * Several problems at once, such as every bad value of one section; the message is their
     * messages, a line each.
     *
     * @throws IllegalArgumentException for an empty list
     */
    public FactoryException(List<String> messages) {
        super(String.join("\n", messages));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("A FactoryException needs at least one message");
        }
        this.messages = List.copyOf(messages);
    }

    /** Every problem this exception reports, a message each, in the order found; at least one. */
    public List<String> messages() {
        return messages;
    }
}
