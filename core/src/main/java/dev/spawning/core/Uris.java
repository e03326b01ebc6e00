package dev.spawning.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Paste Deploy's {@code loadcontext}: a URI {@code scheme:rest#name} to a loader context.
 * Schemes: {@code config} (another deployment file, relative to the referring file's directory),
 * {@code service} (a provider by name), {@code egg} (the same, for Paste users: the fragment
 * names the provider) and {@code call} (a class or static method).
 */
final class Uris {

    private Uris() {
    }

    /**
     * @param name          an explicit name, which beats the URI's fragment; null for none
     * @param referrer      the file that holds the reference (its loader resolves a composite's
     *                      names), or null when a caller asks
     * @param relativeTo    the directory relative paths start from, or null
     * @param sectionPrefix the prefix of the section that asked, to choose between two protocols
     */
    static LoaderContext load(Session session, Kind kind, String uri, String name, ConfigLoader referrer,
            Path relativeTo, Conf global, Ref ref, String sectionPrefix) {
        String location = uri;
        String target = name;
        int hash = uri.indexOf('#');
        if (hash >= 0) {
            location = uri.substring(0, hash);
            if (target == null) {
                target = uri.substring(hash + 1);
            }
        }
        if (target == null) {
            target = "main";
        }
        int colon = location.indexOf(':');
        if (colon < 0) {
            throw ref.error(ref.option() + "URI has no scheme: " + PyRepr.of(location));
        }
        String scheme = location.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = location.substring(colon + 1);
        return switch (scheme) {
            case "config" -> config(session, kind, uri, rest, target, relativeTo, global, ref);
            case "service" -> factory(kind, session.providers().find(rest.strip(), kind, sectionPrefix, ref, uri),
                    referrer, global, ref);
            case "egg" -> factory(kind, session.providers().find(target, kind, sectionPrefix, ref, uri),
                    referrer, global, ref);
            case "call" -> factory(kind, CallTargets.resolve(rest, kind, sectionPrefix, null, session.classLoader(),
                    ref, uri), referrer, global, ref);
            default -> throw ref.error(ref.option() + "URI scheme not known: " + PyRepr.of(scheme)
                    + " (from config, service, egg, call)");
        };
    }

    private static LoaderContext factory(Kind kind, FactorySource source, ConfigLoader referrer, Conf global,
            Ref ref) {
        Place place = new Place(referrer == null ? null : referrer.path(), null,
                ref.origin() == null ? 0 : ref.origin().line());
        return new FactoryContext(kind, source, global == null ? new Conf() : global.copy(), new Conf(), referrer,
                place);
    }

    private static LoaderContext config(Session session, Kind kind, String uri, String path, String name,
            Path relativeTo, Conf global, Ref ref) {
        String slashed = path.strip().replace('\\', '/');
        if (!Path.of(slashed).isAbsolute()) {
            if (relativeTo == null) {
                throw ref.error(ref.option() + "Cannot resolve relative uri " + PyRepr.of(uri)
                        + "; no relative_to keyword argument given");
            }
            slashed = relativeTo.toString().replace('\\', '/') + "/" + slashed;
        }
        if (slashed.startsWith("///")) {
            slashed = slashed.substring(2);
        }
        Path file = Path.of(URLDecoder.decode(slashed.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toAbsolutePath().normalize();
        ConfigLoader loader = session.loader(file, global, ref);
        return loader.context(kind, name, global, ref);
    }

}
