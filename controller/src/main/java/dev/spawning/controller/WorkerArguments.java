package dev.spawning.controller;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a worker is told on its command line: who it is, where its controller listens for it, and
 * what to load. Written by the controller ({@link #toArgs}), read by {@link Worker#main}. Immutable.
 *
 * @param id             the worker's number, unique in the controller's life
 * @param link           the controller's Unix-domain socket for its workers
 * @param board          the controller's {@link Board}
 * @param slot           the worker's slot on the board
 * @param file           the deployment file
 * @param appName        the app section's name
 * @param serverName     the server section's name
 * @param globals        the globals passed in ({@code NAME=VALUE} of {@code spawn serve})
 * @param serverSettings the server-setting overrides ({@code --set} of {@code spawn serve})
 */
record WorkerArguments(int id, Path link, Path board, int slot, Path file, String appName, String serverName,
        Map<String, String> globals, Map<String, String> serverSettings) {

    WorkerArguments {
        globals = new LinkedHashMap<>(globals);
        serverSettings = new LinkedHashMap<>(serverSettings);
    }

    List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of("--id", String.valueOf(id), "--link", link.toString(),
                "--board", board.toString(), "--slot", String.valueOf(slot),
                "--file", file.toString(), "--app", appName, "--server", serverName));
        globals.forEach((key, value) -> args.addAll(List.of("--global", key + "=" + value)));
        serverSettings.forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
        return args;
    }

    static WorkerArguments parse(String[] args) {
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, String> globals = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--global" -> put(globals, value);
                case "--set" -> put(settings, value);
                default -> single.put(args[i], value);
            }
        }
        return new WorkerArguments(Integer.parseInt(single.get("--id")), Path.of(single.get("--link")),
                Path.of(single.get("--board")), Integer.parseInt(single.get("--slot")),
                Path.of(single.get("--file")), single.get("--app"), single.get("--server"), globals, settings);
    }

    private static void put(Map<String, String> map, String pair) {
        int equals = pair.indexOf('=');
        map.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
}
