package dev.spawning.core;

import dev.spawning.core.ConfigFile.Option;
import dev.spawning.core.ConfigFile.Section;
import dev.spawning.factory.Origin;
import dev.spawning.factory.Protocol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Paste Deploy's {@code ConfigLoader} for one deployment file: finds the section for a name and
 * builds its loader context by the algorithm of {@code spec/deployment-files.md} (where the
 * specifications are: docs/architecture.md): defaults, {@code set}, {@code get}, {@code use},
 * factory keys, {@code filter-with}, pipelines, filter-apps. Created
 * per file and per set of passed-in globals; confined to the loading thread.
 */
final class ConfigLoader {

    static final Pattern ABSOLUTE = Pattern.compile("^[a-zA-Z]+:");

    private final Session session;
    private final ConfigFile file;
    private final Conf passedIn;
    private Conf defaults;

    ConfigLoader(Session session, ConfigFile file, Conf passedIn) {
        this.session = session;
        this.file = file;
        this.passedIn = passedIn == null ? new Conf() : passedIn;
    }

    Path path() {
        return file.path();
    }

    Path directory() {
        return file.path().getParent();
    }

    ConfigFile file() {
        return file;
    }

    /** The context of section {@code name} (or of {@code name} as a URI) of the asked kind. */
    LoaderContext context(Kind kind, String name, Conf incomingGlobal, Ref ref) {
        if (ABSOLUTE.matcher(name).find()) {
            return Uris.load(session, UriLookup.of(kind, name, incomingGlobal, ref).from(this));
        }
        Section section = findSection(kind, name, ref);
        Place place = new Place(path(), section.name(), section.line());
        Conf base = defaults();
        Conf global = base.copy();
        if (incomingGlobal != null) {
            global.putAll(incomingGlobal);
        }
        Conf local = new Conf();
        Conf additions = new Conf();
        walk(section, base, global, local, additions);
        Conf.Entry filterWith = kind == Kind.SERVER ? null : local.remove("filter-with");
        LoaderContext context = construct(kind, section, place, global, local, additions);
        if (filterWith == null) {
            return context;
        }
        LoaderContext outer = context(Kind.FILTER, filterWith.value(), global, Ref.of(place, "filter-with", filterWith));
        return new FilterWithContext(kind, global, local, this, place, outer, context);
    }

    private void walk(Section section, Conf base, Conf global, Conf local, Conf additions) {
        List<Option> gets = new ArrayList<>();
        for (Option option : section.options()) {
            String key = option.key();
            if (key.startsWith("set ")) {
                String name = key.substring(4).strip();
                Conf.Entry entry = new Conf.Entry(expand(section, option), origin(option));
                additions.put(name, entry);
                global.put(name, entry);
            } else if (key.startsWith("get ")) {
                gets.add(option);
            } else if (base.containsKey(key)) {
                warnShadowed(section, option);
            } else {
                local.put(key, expand(section, option), origin(option));
            }
        }
        for (Option get : gets) {
            String localName = get.key().substring(4).strip();
            String globalName = expand(section, get);
            Conf.Entry value = global.get(globalName);
            if (value == null) {
                throw new DeploymentException(Problem.error(origin(get), get.key() + " = " + get.value()
                        + ": there is no global setting " + PyRepr.of(globalName)
                        + Suggestions.didYouMean(globalName, global.keys())).labelled(section.name(), get.key()));
            }
            local.put(localName, value.value(), origin(get));
        }
    }

    private LoaderContext construct(Kind kind, Section section, Place place, Conf global, Conf local,
            Conf additions) {
        String prefix = prefixOf(section.name());
        if (prefix.equals("filter-app")) {
            return filterApp(section, place, global, local, additions);
        }
        if (prefix.equals("pipeline")) {
            return pipeline(section, place, global, local);
        }
        if (local.containsKey("use")) {
            return fromUse(kind, prefix, place, global, local, additions);
        }
        return fromExplicit(kind, prefix, place, global, local);
    }

    private LoaderContext fromUse(Kind kind, String prefix, Place place, Conf global, Conf local, Conf additions) {
        Conf.Entry use = local.remove("use");
        Ref ref = Ref.of(place, "use", use);
        LoaderContext target = ABSOLUTE.matcher(use.value()).find()
                ? Uris.load(session, UriLookup.of(kind, use.value(), global, ref).from(this).askedBy(prefix))
                : context(kind, use.value(), global, ref);
        target.mergeFromUse(additions, local, global.get("__file__"), this, place);
        return target;
    }

    private LoaderContext fromExplicit(Kind kind, String prefix, Place place, Conf global, Conf local) {
        List<String> keys = new ArrayList<>(List.of("factory"));
        keys.addAll(kind.pasteKeys());
        List<String> given = keys.stream().filter(local::containsKey).toList();
        if (given.size() > 1) {
            List<String> pairs = given.stream()
                    .map(k -> "(" + PyRepr.of(k) + ", " + PyRepr.of(local.get(k).value()) + ")").toList();
            throw sectionError(place, "Multiple protocols given in section " + PyRepr.of(place.section()) + ": ["
                    + String.join(", ", pairs) + "]");
        }
        if (given.isEmpty()) {
            throw sectionError(place, "No loader given in section " + PyRepr.of(place.section())
                    + " (give it 'use = service:NAME', 'use = call:CLASS' or 'factory = CLASS')");
        }
        String key = given.getFirst();
        Conf.Entry target = local.remove(key);
        Ref ref = Ref.of(place, key, target);
        Protocol required = key.equals("factory") ? null : pasteProtocol(key);
        FactorySource source = CallTargets.resolve(target.value(), kind, prefix, required, session.classLoader(),
                ref, key + " = " + target.value());
        return new FactoryContext(kind, source, global, local, this, place);
    }

    private LoaderContext filterApp(Section section, Place place, Conf global, Conf local, Conf additions) {
        Conf.Entry next = local.remove("next");
        if (next == null) {
            throw sectionError(place, "The [" + section.name() + "] section in " + path()
                    + " is missing a 'next' setting");
        }
        LoaderContext nextContext = context(Kind.APP, next.value(), global, Ref.of(place, "next", next));
        LoaderContext filter = local.containsKey("use")
                ? fromUse(Kind.FILTER, "filter-app", place, global, local, additions)
                : fromExplicit(Kind.FILTER, "filter-app", place, global, local);
        return new FilterAppContext(global, local, this, place, nextContext, filter);
    }

    private LoaderContext pipeline(Section section, Place place, Conf global, Conf local) {
        Conf.Entry pipeline = local.remove("pipeline");
        if (pipeline == null || pipeline.value().isBlank()) {
            throw sectionError(place, "The [" + section.name() + "] section in " + path()
                    + " is missing a 'pipeline' setting");
        }
        if (!local.isEmpty()) {
            String first = local.keys().iterator().next();
            Origin origin = local.get(first).origin();
            throw new DeploymentException(Problem.error(origin != null ? origin : place.origin(), "The ["
                    + section.name() + "] pipeline section in " + path() + " has extra (disallowed) settings: "
                    + String.join(", ", local.keys())).in(place.section(), first));
        }
        Ref ref = Ref.of(place, "pipeline", pipeline);
        List<String> names = List.of(pipeline.value().strip().split("\\s+"));
        LoaderContext app = context(Kind.APP, names.getLast(), global, ref);
        List<LoaderContext> filters = new ArrayList<>();
        for (String name : names.subList(0, names.size() - 1)) {
            filters.add(context(Kind.FILTER, name, global, ref));
        }
        return new PipelineContext(global, local, this, place, app, filters);
    }

    /** The section for {@code name} among the prefixes of {@code kind}, by Paste Deploy's rules. */
    Section findSection(Kind kind, String name, Ref ref) {
        List<Section> possible = new ArrayList<>();
        for (List<String> group : kind.prefixGroups()) {
            for (String prefix : group) {
                List<Section> found = file.namedSections().stream()
                        .filter(s -> s.name().startsWith(prefix + ":")
                                && s.name().substring(prefix.length() + 1).strip().equals(name))
                        .toList();
                if (!found.isEmpty()) {
                    possible.addAll(found);
                    break;
                }
            }
        }
        String prefixes = String.join(" or ", kind.prefixes().stream().map(PyRepr::of).toList());
        if (possible.isEmpty()) {
            throw ref.error("No section " + PyRepr.of(name) + " (prefixed by " + prefixes + ") found in config "
                    + path() + Suggestions.didYouMean(name, sectionNames(kind)));
        }
        if (possible.size() > 1) {
            throw ref.error("Ambiguous section names [" + String.join(", ",
                    possible.stream().map(s -> PyRepr.of(s.name())).toList()) + "] for section " + PyRepr.of(name)
                    + " (prefixed by " + prefixes + ") found in config " + path());
        }
        return possible.getFirst();
    }

    /** The names of the sections of {@code kind} in this file. */
    List<String> sectionNames(Kind kind) {
        List<String> names = new ArrayList<>();
        for (Section section : file.namedSections()) {
            String prefix = prefixOf(section.name());
            if (kind.prefixes().contains(prefix)) {
                names.add(section.name().substring(prefix.length() + 1).strip());
            }
        }
        return names;
    }

    /**
     * The defaults every section sees: {@code here} and {@code __file__}, the {@code [DEFAULT]}
     * values interpolated against the defaults, then passed-in globals the file does not define.
     */
    Conf defaults() {
        if (defaults != null) {
            return defaults;
        }
        Conf built = new Conf();
        built.put("here", directory().toString(), null);
        built.put("__file__", path().toString(), null);
        Optional<Section> section = file.defaults();
        section.ifPresent(s -> s.options().forEach(o -> built.put(o.key(), expand(s, o), origin(o))));
        for (String key : passedIn.keys()) {
            if (!built.containsKey(key)) {
                built.put(key, passedIn.get(key));
            }
        }
        defaults = built;
        return built;
    }

    /** The keys that are defaults, for {@code spawn check}'s shadowing warning. */
    private void warnShadowed(Section section, Option option) {
        String key = option.key();
        String source = file.defaults().flatMap(d -> d.option(key)).isPresent() ? "is set in [DEFAULT]"
                : key.equals("here") || key.equals("__file__") ? "is a built-in default"
                : "is passed in as a global";
        session.warn(Problem.warning(path(), option.line(), key + " = " + option.value() + " is ignored: "
                + PyRepr.of(key) + " " + source
                + ", and a local setting with the name of a default is dropped (Paste Deploy's rule). Write 'set "
                + key + " = " + option.value() + "' to override the default for this section, or 'get " + key
                + " = " + key + "' to pass the default's value on as a local setting.").labelled(section.name(), key));
    }

    /** The value of {@code option} of {@code section}, interpolated. */
    String expand(Section section, Option option) {
        return session.interpolation().expand(path(), option.line(), section.name(), option.key(), option.value(),
                name -> lookup(section, name));
    }

    private Optional<Interpolation.Raw> lookup(Section section, String name) {
        Optional<Option> own = section.option(name);
        if (own.isPresent()) {
            return Optional.of(new Interpolation.Raw(own.get().value(), false));
        }
        Optional<Option> fromDefaults = file.defaults().flatMap(d -> d.option(name));
        if (fromDefaults.isPresent()) {
            return Optional.of(new Interpolation.Raw(fromDefaults.get().value(), false));
        }
        if (name.equals("here")) {
            return Optional.of(new Interpolation.Raw(directory().toString(), true));
        }
        if (name.equals("__file__")) {
            return Optional.of(new Interpolation.Raw(path().toString(), true));
        }
        Conf.Entry passed = passedIn.get(name);
        return passed == null ? Optional.empty() : Optional.of(new Interpolation.Raw(passed.value(), true));
    }

    /** An error about the section as a whole, at its header, in words that name it. */
    private static DeploymentException sectionError(Place place, String what) {
        return new DeploymentException(Problem.error(place.origin(), what).in(place.section(), null));
    }

    private Origin origin(Option option) {
        return new Origin(path().toString(), option.line());
    }

    static String prefixOf(String sectionName) {
        int colon = sectionName.indexOf(':');
        return colon < 0 ? sectionName : sectionName.substring(0, colon);
    }

    private static Protocol pasteProtocol(String key) {
        return switch (key) {
            case "paste.app_factory" -> Protocol.APP;
            case "paste.composite_factory", "paste.composit_factory" -> Protocol.COMPOSITE;
            case "paste.filter_factory" -> Protocol.FILTER;
            case "paste.filter_app_factory" -> Protocol.FILTER_APP;
            case "paste.server_factory" -> Protocol.SERVER;
            default -> Protocol.SERVER_RUNNER;
        };
    }
}
