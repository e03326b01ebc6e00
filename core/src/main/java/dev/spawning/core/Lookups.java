package dev.spawning.core;

import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.configuration2.interpol.ConfigurationInterpolator;
import org.apache.commons.configuration2.interpol.DefaultLookups;
import org.apache.commons.configuration2.interpol.Lookup;

/**
 * The variables {@code ${prefix:name}} can read, {@code env} (environment variables) and
 * {@code sys} (JVM system properties), and the one way a reference to them is expanded: Commons
 * Configuration's {@link ConfigurationInterpolator}, which reads the prefix, the name and the
 * default ({@code ${env:PORT:-8080}}), looks the variable up and puts in its value or the default.
 * Immutable once built; each expansion has an interpolator of its own, so it is thread-safe.
 */
final class Lookups {

    private final Map<String, Lookup> sources = new LinkedHashMap<>();

    private Lookups(Lookup env, Lookup sys) {
        sources.put("env", env);
        sources.put("sys", sys);
    }

    /** The process environment and the system properties. */
    static Lookups system() {
        return new Lookups(DefaultLookups.ENVIRONMENT.getLookup(), DefaultLookups.SYSTEM_PROPERTIES.getLookup());
    }

    /** Fixed maps, for tests and embedders that pass their own environment. */
    static Lookups of(Map<String, String> env, Map<String, String> sys) {
        return new Lookups(env::get, sys::get);
    }

    /**
     * The value of one whole reference, {@code ${prefix:name}} or {@code ${prefix:name:-default}}.
     * The value of a variable is put in as it is: a {@code %} or {@code ${} in it is not expanded.
     *
     * @throws Unresolved for a prefix that is no source, a reference without a name, or a variable
     *                    that is not set and has no default
     */
    String expand(String reference) {
        Expansion expansion = new Expansion();
        String value = String.valueOf(expansion.interpolator.interpolate(reference));
        // The interpolator leaves a reference that it cannot resolve as it was written.
        if (expansion.missed != null && value.equals(reference)) {
            throw new Unresolved(Unresolved.Reason.NOT_SET, expansion.missed.prefix, expansion.missed.name);
        }
        return value;
    }

    /**
     * The interpolator substitutes again inside a value it has put in. A {@code $} before each
     * {@code ${} that a {@code }} follows escapes it, and that substitution takes the {@code $} out
     * again, so that the value comes out as it was ({@code ${} with no {@code }} after it is left
     * alone by both).
     */
    private static String literal(String value) {
        int lastClose = value.lastIndexOf('}');
        StringBuilder escaped = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            if (i + 1 < lastClose && value.startsWith("${", i)) {
                escaped.append('$');
            }
            escaped.append(value.charAt(i));
        }
        return escaped.toString();
    }

    /** One expansion: an interpolator over the sources, and the variable it last looked up in vain. */
    private final class Expansion {
        final ConfigurationInterpolator interpolator = new ConfigurationInterpolator();
        Variable missed;

        Expansion() {
            sources.forEach((prefix, lookup) ->
                    interpolator.registerLookup(prefix, name -> lookUp(prefix, lookup, name)));
            // Asked for what no source gives: a prefix that is no source, or a variable a source has not.
            interpolator.addDefaultLookup(variable -> {
                int colon = variable.indexOf(':');
                if (colon < 0 || !sources.containsKey(variable.substring(0, colon))) {
                    throw new Unresolved(Unresolved.Reason.UNKNOWN_SOURCE, null, variable);
                }
                return null;
            });
        }

        private Object lookUp(String prefix, Lookup lookup, String name) {
            if (name.isEmpty()) {
                throw new Unresolved(Unresolved.Reason.NO_NAME, prefix, name);
            }
            Object value = lookup.lookup(name);
            missed = value == null ? new Variable(prefix, name) : null;
            return value == null ? null : literal(String.valueOf(value));
        }
    }

    private record Variable(String prefix, String name) {
    }

    /** A reference that has no value: why, and the variable it names. */
    static final class Unresolved extends RuntimeException {

        @Serial
        private static final long serialVersionUID = 1L;

        enum Reason { UNKNOWN_SOURCE, NO_NAME, NOT_SET }

        final Reason reason;
        final String prefix;
        final String name;

        Unresolved(Reason reason, String prefix, String name) {
            super(reason + " " + prefix + ":" + name, null, false, false);
            this.reason = reason;
            this.prefix = prefix;
            this.name = name;
        }
    }
}
