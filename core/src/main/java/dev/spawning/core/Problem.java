package dev.spawning.core;

/**
 * One finding about a deployment file: an error that stops it from loading, or a warning about
 * something that loads but probably does not mean what its author meant. Where it is, when known,
 * comes as data (file, line, section, key) beside the message written for the user, so that tools
 * such as {@code spawn check --format json} need not read it out of the text.
 *
 * @param severity an error or a warning
 * @param message  the whole message, such as {@code Error in file F: line N: [server:main] ...}
 * @param file     the file it is in; {@code null} when not known
 * @param line     its line in the file; 0 when not known
 * @param section  the section, such as {@code server:main}; {@code null} when none or not known
 * @param key      the key of the setting; {@code null} when none or not known
 */
public record Problem(Severity severity, String message, String file, int line, String section, String key) {

    /** How bad a problem is. */
    public enum Severity { ERROR, WARNING }

    static Problem error(String message) {
        return new Problem(Severity.ERROR, message, null, 0, null, null);
    }

    static Problem warning(String message) {
        return new Problem(Severity.WARNING, message, null, 0, null, null);
    }

    /** An error at a known place. */
    static Problem error(String message, String file, int line, String section, String key) {
        return new Problem(Severity.ERROR, message, file, line, section, key);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (isError() ? "error: " : "warning: ") + message;
    }
}
