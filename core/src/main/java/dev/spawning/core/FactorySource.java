package dev.spawning.core;

import dev.spawning.factory.Factory;
import dev.spawning.factory.Protocol;
import java.util.List;

/** Where a factory comes from (a named provider, a {@code call:} class or static method) and its protocol. */
interface FactorySource {

    /** The protocol the factory is used through. */
    Protocol protocol();

    /** Creates the factory; a class is created through the session's Guice injector. */
    Factory instantiate(Session session);

    /** As written: {@code service:text}, {@code call:com.example.App::create}. */
    String spec();

    /** For {@code spawn describe}: {@code text (app factory)}. */
    String summary();

    /**
     * The protocol used for a type implementing {@code implemented} in a section asking for
     * {@code kind}; where two fit, the section prefix decides (Paste Deploy's rule).
     */
    static Protocol choose(List<Protocol> implemented, Kind kind, String sectionPrefix) {
        List<Protocol> fitting = implemented.stream().filter(kind.protocols()::contains).toList();
        if (fitting.size() <= 1) {
            return fitting.isEmpty() ? null : fitting.getFirst();
        }
        Protocol preferred = switch (kind) {
            case APP -> sectionPrefix.startsWith("composit") ? Protocol.COMPOSITE : Protocol.APP;
            case FILTER -> sectionPrefix.equals("filter-app") ? Protocol.FILTER_APP : Protocol.FILTER;
            case SERVER -> Protocol.SERVER;
        };
        return preferred;
    }

    /** {@code an app factory or a composite factory}: what a section of {@code kind} needs. */
    static String needed(Kind kind) {
        return String.join(" or ", kind.protocols().stream().sorted().map(FactorySource::articled).toList());
    }

    /** {@code an app factory}, {@code a filter factory}. */
    static String articled(Protocol protocol) {
        return ("aeiou".indexOf(protocol.displayName().charAt(0)) >= 0 ? "an " : "a ") + protocol.displayName();
    }
}
