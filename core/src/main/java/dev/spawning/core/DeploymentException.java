package dev.spawning.core;

import java.io.Serial;
import java.util.List;

/**
 * The one unchecked exception of the loader: a deployment file that cannot be read or built. Its
 * message is written for the user of the file: it names the file and line, the section and key,
 * the bad value and what was expected. Where several things are wrong at once (a file with
 * several syntax errors, {@code spawn check}), {@link #problems()} holds each of them; the message
 * is their {@linkplain Problem#text() texts}, a line each.
 */
public final class DeploymentException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** A problem of no file, such as a bad command-line option. */
    DeploymentException(String message) {
        this(Problem.error(message), null);
    }

    /** A problem of no file, with its cause. */
    DeploymentException(String message, Throwable cause) {
        this(Problem.error(message), cause);
    }

    DeploymentException(Problem problem) {
        this(problem, null);
    }

    DeploymentException(Problem problem, Throwable cause) {
        super(problem.text(), cause);
        this.problems = List.of(problem);
    }

    DeploymentException(List<Problem> problems) {
        super(String.join("\n", problems.stream().map(Problem::text).toList()));
        this.problems = List.copyOf(problems);
    }

    /** {@return every problem found, in the order found; at least one} */
    public List<Problem> problems() {
        return problems;
    }
}
