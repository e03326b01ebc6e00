package dev.spawning.cli;

import java.io.Serial;

/**
 * A failure a command reports as its message alone, with exit status 2: a mistake on the command
 * line that picocli cannot see (a bad {@code --format}, {@code --classpath} or {@code NAME=VALUE}),
 * or a server that cannot serve. A stack trace only with {@code --debug}.
 */
final class CommandException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    CommandException(String message) {
        super(message);
    }

    CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
