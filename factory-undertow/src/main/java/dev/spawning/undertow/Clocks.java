package dev.spawning.undertow;

import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * Where the server reads the time: the wall clock for access log dates, a monotonic counter for
 * durations. Tests pass fixed ones so that an access log line can be asserted whole.
 */
record Clocks(Clock wall, LongSupplier nanoTime) {

    static final Clocks SYSTEM = new Clocks(Clock.systemDefaultZone(), System::nanoTime);
}
