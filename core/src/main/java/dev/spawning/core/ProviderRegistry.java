package dev.spawning.core;

import dev.spawning.factory.Factory;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Protocol;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The providers found through {@link ServiceLoader} under {@link Factory}, by the name each gives
 * itself in {@link FactoryProvider}. Selection is by that name only, never by class name or
 * classpath order: two providers with one name are an error naming both classes, reported when
 * the name is used. Immutable after discovery.
 */
final class ProviderRegistry {

    /** One discovered provider. */
    record Provider(String name, String description, Class<? extends Factory> type, List<Protocol> protocols,
            String module) {
    }

    private final Map<String, List<Provider>> byName;
    private final List<String> broken;

    private ProviderRegistry(Map<String, List<Provider>> byName, List<String> broken) {
        this.byName = byName;
        this.broken = broken;
    }

    /** No provider: for a session that reads files and builds nothing ({@link Deployment#files}). */
    static ProviderRegistry none() {
        return new ProviderRegistry(Map.of(), List.of());
    }

    static ProviderRegistry discover(ClassLoader classLoader) {
        Map<String, List<Provider>> byName = new LinkedHashMap<>();
        List<String> broken = new ArrayList<>();
        var providers = ServiceLoader.load(Factory.class, classLoader).stream().iterator();
        while (true) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                Class<? extends Factory> type = providers.next().type();
                FactoryProvider info = type.getAnnotation(FactoryProvider.class);
                if (info == null) {
                    broken.add(type.getName() + " is listed as a provider but has no @FactoryProvider(name = ...)");
                    continue;
                }
                Provider provider = new Provider(info.name(), info.description(), type,
                        Protocol.implementedBy(type), moduleOf(type));
                byName.computeIfAbsent(info.name(), name -> new ArrayList<>()).add(provider);
            } catch (ServiceConfigurationError e) {
                broken.add(e.getMessage());
            }
        }
        return new ProviderRegistry(byName, List.copyOf(broken));
    }

    /** Every provider, sorted by name. */
    List<Provider> all() {
        return byName.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(Provider::name).thenComparing(p -> p.type().getName()))
                .toList();
    }

    /** Listed classes that cannot be used, each with the reason. */
    List<String> broken() {
        return broken;
    }

    /** The factory named {@code name} for a section of {@code kind}; an error says what exists. */
    FactorySource find(String name, Kind kind, String sectionPrefix, Ref ref, String spec) {
        List<Provider> found = byName.get(name);
        if (found == null) {
            throw ref.error("Unknown " + kind.word() + " provider " + quote(name) + ref.forSection() + "."
                    + Suggestions.didYouMean(name, namesFor(kind)) + " " + available(kind)
                    + " A provider comes from a jar on the classpath (add one with --classpath);"
                    + " 'spawn factories' lists them.");
        }
        if (found.size() > 1) {
            throw ref.error("Two providers are named " + quote(name) + ": " + String.join(" and ",
                    found.stream().map(p -> p.type().getName() + " (" + p.module() + ")").toList())
                    + ". Remove one of them from the classpath.");
        }
        Provider provider = found.getFirst();
        Protocol protocol = FactorySource.choose(provider.protocols(), kind, sectionPrefix);
        if (protocol == null) {
            throw ref.error("Provider " + quote(name) + " is " + String.join(" and ",
                    provider.protocols().stream().map(FactorySource::articled).toList()) + "; "
                    + (ref.section() == null ? "this" : "[" + ref.section() + "]") + " needs "
                    + FactorySource.needed(kind) + ". " + available(kind));
        }
        return new ClassSource(provider.type(), protocol, spec, name, ref);
    }

    private List<String> namesFor(Kind kind) {
        return all().stream()
                .filter(p -> p.protocols().stream().anyMatch(kind.protocols()::contains))
                .map(Provider::name)
                .toList();
    }

    private String available(Kind kind) {
        TreeSet<String> names = new TreeSet<>(namesFor(kind));
        String label = Character.toUpperCase(kind.word().charAt(0)) + kind.word().substring(1) + " providers";
        return names.isEmpty() ? "There are no " + kind.word() + " providers on the classpath."
                : label + " on the classpath: " + String.join(", ", names) + ".";
    }

    private static String quote(String name) {
        return "'" + name + "'";
    }

    private static String moduleOf(Class<?> type) {
        if (type.getModule().isNamed()) {
            return type.getModule().getName();
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "unnamed";
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            return path.getFileName().toString().endsWith(".jar") ? path.getFileName().toString() : path.toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return source.getLocation().toString();
        }
    }
}
