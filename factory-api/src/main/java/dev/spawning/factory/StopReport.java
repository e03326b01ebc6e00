package dev.spawning.factory;

import java.time.Duration;

/**
 * What a graceful stop did: requests that completed during it, idle keep-alive connections it
 * closed, and connections it cut off when the grace period ended with work still in progress.
 */
public record StopReport(int completed, int closedIdle, int cutOff, Duration took) {

    @Override
    public String toString() {
        return "completed " + completed + " in-flight request(s), closed " + closedIdle
                + " idle connection(s), cut off " + cutOff + " connection(s) in " + took.toMillis() + " ms";
    }
}
