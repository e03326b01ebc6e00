package dev.spawning.core;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.configuration2.interpol.ConfigurationInterpolator;
import org.apache.commons.configuration2.interpol.DefaultLookups;
import org.apache.commons.configuration2.interpol.Lookup;

/**
 * The variables {@code ${prefix:name}} can read: {@code env} (environment variables) and
 * {@code sys} (JVM system properties), resolved through Commons Configuration's interpolator.
 * Immutable once built.
 */
final class Lookups {

    private final ConfigurationInterpolator interpolator = new ConfigurationInterpolator();

    private Lookups(Lookup env, Lookup sys) {
        interpolator.registerLookup("env", env);
        interpolator.registerLookup("sys", sys);
    }

    /** The process environment and the system properties. */
    static Lookups system() {
        return new Lookups(DefaultLookups.ENVIRONMENT.getLookup(), DefaultLookups.SYSTEM_PROPERTIES.getLookup());
    }

    /** Fixed maps, for tests and embedders that pass their own environment. */
    static Lookups of(Map<String, String> env, Map<String, String> sys) {
        return new Lookups(env::get, sys::get);
    }

    Set<String> prefixes() {
        return interpolator.prefixSet();
    }

    /** The value of {@code prefix:name}, or empty when it is not set. */
    Optional<String> resolve(String prefix, String name) {
        Object value = interpolator.resolve(prefix + ":" + name);
        return Optional.ofNullable(value).map(String::valueOf);
    }
}
