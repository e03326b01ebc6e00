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
    private final transient List<Issue> issues;

    /**
     * One problem known by its message alone.
     *
     * @param message what is wrong and what to fix, for the user of a deployment file
     */
    public FactoryException(String message) {
        super(message);
        this.issues = List.of(Issue.of(String.valueOf(message)));
    }

    /**
     * One problem known by its message alone, caused by {@code cause}.
     *
     * @param message what is wrong and what to fix, for the user of a deployment file
     * @param cause   the failure behind it
     */
    public FactoryException(String message, Throwable cause) {
        super(message, cause);
        this.issues = List.of(Issue.of(String.valueOf(message)));
    }

    /**
     * One problem whose place is known (a bad value of a setting: see {@link Settings#invalid}).
     *
     * @param issue the problem; its {@link Issue#text() text} is this exception's message
     */
    public FactoryException(Issue issue) {
        super(issue.text());
        this.issues = List.of(issue);
    }

    /**
     * Several problems at once, such as every bad value of one section; the message is their
     * texts, a line each.
     *
     * @param issues the problems, in the order found; copied
     * @throws IllegalArgumentException for an empty list
     */
    public FactoryException(List<Issue> issues) {
        super(String.join("\n", issues.stream().map(Issue::text).toList()));
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("A FactoryException needs at least one issue");
        }
        this.issues = List.copyOf(issues);
    }

    /** {@return every problem this exception reports, in the order found; at least one} */
    public List<Issue> issues() {
        return issues;
    }

    /** {@return the text of each problem, its place included, in the order found} */
    public List<String> messages() {
        return issues.stream().map(Issue::text).toList();
    }

    /**
     * One problem: what is wrong, and where it is when known, as separate fields, so that the
     * loader can place it among a file's other problems without reading its text.
     *
     * @param message what is wrong, without its place, such as {@code port = 'x': expected an integer}
     * @param origin  the file and line of the bad value; {@code null} when unknown
     * @param section the section, such as {@code server:main}; {@code null} when none
     * @param key     the key of the bad value; {@code null} when none
     */
    public record Issue(String message, Origin origin, String section, String key) {

        /**
         * A problem known by its message alone.
         *
         * @param message the whole message
         * @return the issue, with no origin, section or key
         */
        public static Issue of(String message) {
            return new Issue(message, null, null, null);
        }

        /**
         * {@return the message with its place, for a reader of this exception alone:}
         * {@code Error in file F: line N: [server:main] port = 'x': expected an integer}, each part
         * present when known. (The loader renders its own problems from the fields.)
         */
        public String text() {
            return (origin == null ? "" : origin.errorPrefix()) + (section == null ? "" : "[" + section + "] ")
                    + message;
        }
    }
}
