package dev.spawning.core;

import dev.spawning.factory.Origin;

/**
 * Where a name or URI was written, so that an error about it can point there: the option
 * ({@code use = service:undertw}) and its line, or nothing when it came from a caller.
 */
record Ref(Origin origin, String section, String key, String value) {

    /** A reference made by a caller (the Java API or the command line), not by a file. */
    static Ref caller(String value) {
        return new Ref(null, null, null, value);
    }

    static Ref of(Place place, String key, Conf.Entry entry) {
        return new Ref(entry.origin() != null ? entry.origin() : place.origin(), place.section(), key, entry.value());
    }

    /** {@code Error in file F: line N: } or nothing. */
    String prefix() {
        return origin == null ? "" : origin.errorPrefix();
    }

    /** {@code [app:main] use = service:x: } or nothing. */
    String option() {
        return section == null || key == null ? "" : "[" + section + "] " + key + " = " + value + ": ";
    }

    /** {@code  for [app:main]} or nothing. */
    String forSection() {
        return section == null ? "" : " for [" + section + "]";
    }

    DeploymentException error(String message) {
        return new DeploymentException(prefix() + message);
    }
}
