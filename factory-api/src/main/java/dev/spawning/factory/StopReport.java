package dev.spawning.factory;

import java.time.Duration;

/**
 * What a graceful stop did: requests that completed during it, idle keep-alive connections it
 * closed, and connections it cut off when the grace period ended with work still in progress.
 *
 * @param completed  requests whose response was sent while the stop was under way
 * @param closedIdle keep-alive connections closed while they waited for a request
 * @param cutOff     connections closed with work still in progress when the grace period ended
 * @param took       how long the stop took
 */
public record StopReport(int completed, int closedIdle, int cutOff, Duration took) {

    @Override
    public String toString() {
        return "completed " + completed + " in-flight request(s), closed " + closedIdle
                + " idle connection(s), cut off " + cutOff + " connection(s) in " + took.toMillis() + " ms";
    }
}
