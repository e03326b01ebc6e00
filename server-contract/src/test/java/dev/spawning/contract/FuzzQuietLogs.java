package dev.spawning.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Silences the providers' logs (the {@code java.util.logging} loggers behind their
 * {@code System.Logger}s, and Undertow's and XNIO's) for the length of a fuzz run and restores
 * their levels on {@link #restore}: malformed input makes providers log a stack trace per request,
 * which would bury the fuzzer's own report. {@code -Dspawning.fuzz.logs=true} keeps them. The
 * loggers are held here while silenced, since {@code java.util.logging} forgets the level of a
 * logger nobody references. Used by the test's thread only.
 */
final class FuzzQuietLogs {

    private static final List<String> NAMES = List.of("dev.spawning", "io.undertow", "org.xnio");

    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();

    private FuzzQuietLogs() {
    }

    static FuzzQuietLogs silence() {
        FuzzQuietLogs quiet = new FuzzQuietLogs();
        if (!Boolean.getBoolean("spawning.fuzz.logs")) {
            for (String name : NAMES) {
                Logger logger = Logger.getLogger(name);
                quiet.loggers.add(logger);
                quiet.levels.add(logger.getLevel());
                logger.setLevel(Level.OFF);
            }
        }
        return quiet;
    }

    void restore() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).setLevel(levels.get(i));
        }
    }
}
