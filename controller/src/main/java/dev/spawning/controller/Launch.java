package dev.spawning.controller;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code spawn serve} was asked to serve, as each worker is told it: the deployment file, the
 * app and server sections, the globals and server-setting overrides of the command line, and the
 * {@code --classpath} entries. Immutable.
 *
 * @param file           the deployment file
 * @param appName        the app section's name, such as {@code main}
 * @param serverName     the server section's name, such as {@code main}
 * @param globals        globals passed in ({@code NAME=VALUE}), in order
 * @param serverSettings overrides of the server section ({@code --set NAME=VALUE}), in order
 * @param classpath      class path entries of the user's app ({@code --classpath}), as the JVM's
 *                       {@code -cp} reads them ({@code dir/*} is every jar in dir)
 */
public record Launch(Path file, String appName, String serverName, Map<String, String> globals,
        Map<String, String> serverSettings, List<String> classpath) {

    /** Copies the maps and the list, keeping their order; the file becomes absolute. */
    public Launch {
        file = file.toAbsolutePath().normalize();
        globals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(globals));
        serverSettings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(serverSettings));
        classpath = List.copyOf(classpath);
    }
}
