package dev.spawning.core;

/**
 * One finding about a deployment file: an error that stops it from loading, or a warning about
 * something that loads but probably does not mean what its author meant.
 */
public record Problem(Severity severity, String message) {

    /** How bad a problem is. */
    public enum Severity { ERROR, WARNING }

    static Problem error(String message) {
        return new Problem(Severity.ERROR, message);
    }

    static Problem warning(String message) {
        return new Problem(Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (isError() ? "error: " : "warning: ") + message;
    }
}
