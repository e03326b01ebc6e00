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

    /** {@code  for [app:main]} or nothing. */
    String forSection() {
        return section == null ? "" : " for [" + section + "]";
    }

    /** A problem at the reference, in words that say what they are about: {@code Error in file F: line N: WHAT}. */
    Problem problem(String what) {
        return Problem.error(origin, what).in(section, key);
    }

    /**
     * A problem with the option itself: {@code Error in file F: line N: [app:main] use = service:x: WHAT};
     * only {@code WHAT} for a reference that no option made.
     */
    Problem optionProblem(String what) {
        return section == null || key == null ? problem(what)
                : Problem.error(origin, key + " = " + value + ": " + what).labelled(section, key);
    }

    DeploymentException error(String what) {
        return new DeploymentException(problem(what));
    }

    DeploymentException optionError(String what) {
        return new DeploymentException(optionProblem(what));
    }
}
