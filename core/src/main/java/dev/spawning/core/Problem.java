package dev.spawning.core;

import dev.spawning.factory.Origin;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One finding about a deployment file: an error that stops it from loading, or a warning about
 * something that loads but probably does not mean what its author meant. Where it is comes as data
 * (file, line, section, key) beside the message, which says only what is wrong; {@link #text()}
 * renders the familiar text from both, and is the one place that does:
 *
 * <pre>{@code
 * Problem.error(Path.of("/srv/app.ini"), 7, "port = '99999': expected an integer from 0 to 65535")
 *         .labelled("server:main", "port").text()
 * // Error in file /srv/app.ini: line 7: [server:main] port = '99999': expected an integer from 0 to 65535
 * }</pre>
 *
 * <p>The section label {@code [server:main] } is rendered only for a {@linkplain #labelled()
 * labelled} problem: one about a setting or the section as a whole, whose message does not name
 * the section ({@code port = '99999': ...}, {@code use = foo:bar: URI scheme not known: ...}).
 * Many messages name their section in their own words, as Paste Deploy and Python word them
 * ({@code No loader given in section 'app:x'}, {@code Unknown setting 'idle_timout' in
 * [server:main]}); they carry the section as data all the same, unlabelled, so that the text reads
 * as it always has.
 *
 * @param severity an error or a warning
 * @param message  what is wrong, without the place: {@code port = '99999': expected an integer ...}
 * @param file     the file it is in; {@code null} when not known (nothing of the place is rendered)
 * @param line     its line in the file; 0 when not known or when about the whole file
 * @param section  the section, such as {@code server:main}; {@code null} when none or not known
 * @param key      the key of the setting; {@code null} when none or not known
 * @param labelled whether the text puts {@code [section] } before the message
 */
public record Problem(Severity severity, String message, String file, int line, String section, String key,
        boolean labelled) {

    /** How bad a problem is. */
    public enum Severity {
        /** The file does not load: {@code spawn check} exits with status 2. */
        ERROR,
        /** The file loads, but probably does not mean what its author meant. */
        WARNING
    }

    /** Checks that the severity and the message are given. */
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** An error known by its message alone: nothing of a place is rendered. */
    static Problem error(String message) {
        return new Problem(Severity.ERROR, message, null, 0, null, null, false);
    }

    /** An error in {@code file} at {@code line} (0: the file as a whole). */
    static Problem error(Path file, int line, String message) {
        return new Problem(Severity.ERROR, message, String.valueOf(file), line, null, null, false);
    }

    /** An error where {@code origin} says; {@code null}: known by its message alone. */
    static Problem error(Origin origin, String message) {
        return origin == null ? error(message)
                : new Problem(Severity.ERROR, message, origin.file(), origin.line(), null, null, false);
    }

    /** A warning known by its message alone. */
    static Problem warning(String message) {
        return new Problem(Severity.WARNING, message, null, 0, null, null, false);
    }

    /** A warning in {@code file} at {@code line}. */
    static Problem warning(Path file, int line, String message) {
        return new Problem(Severity.WARNING, message, String.valueOf(file), line, null, null, false);
    }

    /** This problem in {@code section}, about {@code key}, whose message names them itself (either may be null). */
    Problem in(String section, String key) {
        return new Problem(severity, message, file, line, section, key, false);
    }

    /** This problem in {@code section}, about {@code key}, with {@code [section] } before its message. */
    Problem labelled(String section, String key) {
        return new Problem(severity, message, file, line, section, key, true);
    }

    /** {@return whether this is an error rather than a warning} */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * {@return the text for the user:} {@code Error in file F: line N: [section] MESSAGE} (or
     * {@code Warning in file ...}), leaving out the line when it is 0, the label when the problem is
     * not labelled, and the file and line when the file is not known.
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(isError() ? "Error" : "Warning").append(" in file ").append(file).append(": ");
            if (line > 0) {
                text.append("line ").append(line).append(": ");
            }
        }
        if (labelled && section != null) {
            text.append('[').append(section).append("] ");
        }
        return text.append(message).toString();
    }

    /** {@code error: TEXT} or {@code warning: TEXT}. */
    @Override
    public String toString() {
        return (isError() ? "error: " : "warning: ") + text();
    }
}
