package dev.spawning.controller;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How the last reload ended, for {@code spawn ctl status}. Immutable.
 *
 * @param succeeded whether the new generation took over
 * @param trigger   what asked for it, such as {@code SIGHUP}
 * @param generation the generation it started
 * @param at        when it ended
 * @param took      from the trigger to the new generation serving (or to the failure)
 * @param complete  from the trigger to the old generation gone (or to the failure)
 * @param error     why it failed, with the failed worker's last error lines; empty when it succeeded
 */
record ReloadOutcome(boolean succeeded, String trigger, int generation, Instant at, Duration took,
        Duration complete, List<String> error) {

    ReloadOutcome {
        error = List.copyOf(error);
    }
}
