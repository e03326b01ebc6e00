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

    /** The context {@code lookup} asks for. */
    static LoaderContext load(Session session, UriLookup lookup) {
        String uri = lookup.uri();
        Ref ref = lookup.ref();
        String location = uri;
        String target = lookup.name();
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
            throw ref.optionError("URI has no scheme: " + PyRepr.of(location));
        }
        String scheme = location.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = location.substring(colon + 1);
        Kind kind = lookup.kind();
        String asker = lookup.sectionPrefix();
        return switch (scheme) {
            case "config" -> config(session, lookup, rest, target);
            case "service" -> factory(lookup, session.providers().find(rest.strip(), kind, asker, ref, uri));
            case "egg" -> factory(lookup, session.providers().find(target, kind, asker, ref, uri));
            case "call" -> factory(lookup, CallTargets.resolve(rest, kind, asker, null, session.classLoader(), ref, uri));
            default -> throw ref.optionError("URI scheme not known: " + PyRepr.of(scheme)
                    + " (from config, service, egg, call)");
        };
    }

    private static LoaderContext factory(UriLookup lookup, FactorySource source) {
        ConfigLoader referrer = lookup.referrer();
        Place place = new Place(referrer == null ? null : referrer.path(), null,
                lookup.ref().origin() == null ? 0 : lookup.ref().origin().line());
        return new FactoryContext(lookup.kind(), source, lookup.global() == null ? new Conf() : lookup.global().copy(),
                new Conf(), referrer, place);
    }

    private static LoaderContext config(Session session, UriLookup lookup, String path, String name) {
        String uri = lookup.uri();
        Path relativeTo = lookup.relativeTo();
        Ref ref = lookup.ref();
        if (relativeTo == null && !Path.of(path.strip().replace('\\', '/')).isAbsolute()) {
            throw ref.optionError("Cannot resolve relative uri " + PyRepr.of(uri)
                    + "; no relative_to keyword argument given");
        }
        ConfigLoader loader = session.loader(configFile(path, relativeTo), lookup.global(), ref);
        return loader.context(lookup.kind(), name, lookup.global(), ref);
    }

    /**
     * The file of {@code config:PATH} (without its {@code #name}): a relative path starts at
     * {@code relativeTo}, which is not null then; {@code %XX} escapes are decoded.
     */
    static Path configFile(String path, Path relativeTo) {
        String slashed = path.strip().replace('\\', '/');
        if (!Path.of(slashed).isAbsolute()) {
            slashed = relativeTo.toString().replace('\\', '/') + "/" + slashed;
        }
        if (slashed.startsWith("///")) {
            slashed = slashed.substring(2);
        }
        return Path.of(URLDecoder.decode(slashed.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toAbsolutePath().normalize();
    }

}
