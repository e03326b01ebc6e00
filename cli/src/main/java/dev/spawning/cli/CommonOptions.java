package dev.spawning.cli;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** Options every {@code spawn} command takes. */
final class CommonOptions {

    @Option(names = "--debug", description = "Print Java stack traces with errors.")
    boolean debug;

    @Option(names = "--classpath", paramLabel = "PATH",
            description = "Jars and directories of your app, separated by '${sys:path.separator}'; 'dir/*' adds every jar in dir.")
    String classpath;

    /** The class loader for providers and call: classes: this library's, plus --classpath. */
    ClassLoader classLoader() {
        ClassLoader parent = CommonOptions.class.getClassLoader();
        if (classpath == null || classpath.isBlank()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.addAll(expand(entry.strip()));
            }
        }
        return new URLClassLoader("spawn-classpath", urls.toArray(URL[]::new), parent);
    }

    private static List<URL> expand(String entry) {
        if (entry.endsWith("/*") || entry.equals("*")) {
            Path dir = Path.of(entry.length() == 1 ? "." : entry.substring(0, entry.length() - 2));
            try (Stream<Path> jars = Files.list(dir)) {
                return jars.filter(p -> p.toString().endsWith(".jar")).sorted().map(CommonOptions::url).toList();
            } catch (java.io.IOException e) {
                throw new CommandException("--classpath " + entry + ": cannot list " + dir + ": " + e.getMessage());
            }
        }
        Path path = Path.of(entry);
        if (!Files.exists(path)) {
            throw new CommandException("--classpath " + entry + ": no such file or directory");
        }
        return List.of(url(path));
    }

    private static URL url(Path path) {
        try {
            return path.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new CommandException("--classpath " + path + ": " + e.getMessage());
        }
    }

    /** {@code NAME=VALUE} arguments as global conf, in order. */
    static Map<String, String> globals(List<String> pairs) {
        return pairs("NAME=VALUE", pairs);
    }

    /** {@code NAME=VALUE} pairs in order; {@code what} names them in an error, such as {@code --set}. */
    static Map<String, String> pairs(String what, List<String> pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new CommandException((what.contains("=") ? "Expected " + what : what + ": expected NAME=VALUE")
                        + ", got '" + pair + "'");
            }
            map.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return map;
    }
}
