package dev.spawning.core;

import dev.spawning.factory.App;
import dev.spawning.factory.Factory;
import dev.spawning.factory.Filter;
import dev.spawning.factory.Loader;
import dev.spawning.factory.Protocol;
import dev.spawning.factory.Server;
import dev.spawning.factory.Settings;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Resolves {@code call:fully.qualified.Class} and {@code call:fully.qualified.Class::method} (and the
 * same text in an explicit factory key) to a factory source.
 */
final class CallTargets {

    private static final List<String> SIGNATURES = List.of(
            "App m(Settings global, Settings local)",
            "App m(Loader loader, Settings global, Settings local)",
            "Filter m(Settings global, Settings local)",
            "App m(App next, Settings global, Settings local)",
            "Server m(Settings global, Settings local)",
            "void m(App app, Settings global, Settings local)",
            "a factory returned by m()");

    private CallTargets() {
    }

    /**
     * @param required the protocol an explicit Paste key demands ({@code paste.app_factory}), or null
     *                 to take it from the type, the section prefix breaking ties
     */
    static FactorySource resolve(String target, Kind kind, String sectionPrefix, Protocol required,
            ClassLoader classLoader, Ref ref, String spec) {
        int colons = target.indexOf("::");
        String className = (colons < 0 ? target : target.substring(0, colons)).strip();
        Class<?> type = load(className, classLoader, ref);
        if (colons < 0) {
            return classSource(type, kind, sectionPrefix, required, ref, spec);
        }
        return methodSource(type, target.substring(colons + 2).strip(), kind, sectionPrefix, required, ref, spec);
    }

    private static Class<?> load(String className, ClassLoader classLoader, Ref ref) {
        try {
            return Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw ref.optionError("no class " + className
                    + " on the classpath (add its jar or directory with --classpath)");
        }
    }

    private static FactorySource classSource(Class<?> type, Kind kind, String prefix, Protocol required, Ref ref,
            String spec) {
        List<Protocol> implemented = Protocol.implementedBy(type);
        if (implemented.isEmpty()) {
            throw ref.optionError(type.getName() + " is not a factory: it implements none of "
                    + "AppFactory, CompositeFactory, FilterFactory, FilterAppFactory, ServerFactory, ServerRunner");
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            throw ref.optionError(type.getName() + " must be public to be used as a factory");
        }
        Protocol protocol = pick(implemented, kind, prefix, required, ref, type.getName());
        @SuppressWarnings("unchecked")
        Class<? extends Factory> factoryType = (Class<? extends Factory>) type;
        return new ClassSource(factoryType, protocol, spec, null, ref);
    }

    private static FactorySource methodSource(Class<?> type, String name, Kind kind, String prefix,
            Protocol required, Ref ref, String spec) {
        List<Method> candidates = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers()))
                .toList();
        if (candidates.isEmpty()) {
            throw ref.optionError("no public static method " + name + " in " + type.getName());
        }
        List<Method> usable = new ArrayList<>();
        List<Protocol> protocols = new ArrayList<>();
        for (Method method : candidates) {
            Protocol protocol = protocolOf(method);
            if (protocol != null && (required == null ? kind.protocols().contains(protocol) : required == protocol)) {
                usable.add(method);
                protocols.add(protocol);
            }
        }
        String where = type.getName() + "::" + name;
        if (usable.isEmpty()) {
            throw ref.optionError(where + " is not " + (required != null
                    ? FactorySource.articled(required) : FactorySource.needed(kind))
                    + "; a factory method has one of these forms: " + String.join("; ", SIGNATURES));
        }
        Protocol protocol = pick(protocols, kind, prefix, required, ref, where);
        Method method = usable.get(protocols.indexOf(protocol));
        return new MethodSource(method, protocol, spec, ref);
    }

    private static Protocol pick(List<Protocol> implemented, Kind kind, String prefix, Protocol required, Ref ref,
            String what) {
        if (required != null) {
            if (!implemented.contains(required)) {
                throw ref.optionError(what + " is " + article(implemented) + ", but " + ref.key()
                        + " needs " + FactorySource.articled(required));
            }
            return required;
        }
        Protocol protocol = FactorySource.choose(implemented, kind, prefix);
        if (protocol == null) {
            throw ref.optionError(what + " is " + article(implemented) + ", but "
                    + (ref.section() == null ? "this" : "[" + ref.section() + "]") + " needs "
                    + FactorySource.needed(kind));
        }
        return protocol;
    }

    /** The protocol a static method's signature gives it, or null. */
    static Protocol protocolOf(Method method) {
        Class<?>[] p = method.getParameterTypes();
        Class<?> r = method.getReturnType();
        if (p.length == 0) {
            List<Protocol> produced = Protocol.implementedBy(r);
            return produced.size() == 1 ? produced.getFirst() : null;
        }
        boolean settingsPair = p.length >= 2 && p[p.length - 1] == Settings.class && p[p.length - 2] == Settings.class;
        if (!settingsPair || p.length > 3) {
            return null;
        }
        if (p.length == 2) {
            return r == App.class ? Protocol.APP : r == Filter.class ? Protocol.FILTER
                    : r == Server.class ? Protocol.SERVER : null;
        }
        if (p[0] == Loader.class && r == App.class) {
            return Protocol.COMPOSITE;
        }
        if (p[0] == App.class) {
            return r == App.class ? Protocol.FILTER_APP : r == void.class ? Protocol.SERVER_RUNNER : null;
        }
        return null;
    }

    private static String article(List<Protocol> protocols) {
        return String.join(" and ", protocols.stream().map(FactorySource::articled).toList());
    }
}
