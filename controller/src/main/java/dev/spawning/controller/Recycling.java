package dev.spawning.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a worker is due for recycling: {@code max_requests} (each worker's own limit, with a
 * jitter of up to a tenth, so that workers started together are not all recycled at once),
 * {@code max_age}, {@code max_memory} (its resident size, read from {@code /proc/PID/status} at
 * most once a second). A recycled worker drains only once its replacement is ready. Confined to
 * the supervisor's thread.
 */
final class Recycling {

    private static final long MEMORY_EVERY_NANOS = 1_000_000_000L;

    private final ControllerSettings settings;
    private long memoryReadNanos;

    Recycling(ControllerSettings settings) {
        this.settings = settings;
    }

    /** {@return the number of requests after which a new worker is recycled; 0 for never} */
    long requestLimit() {
        long max = settings.maxRequests();
        return max == 0 ? 0 : max + ThreadLocalRandom.current().nextLong(max / 10 + 1);
    }

    /** {@return why {@code worker} is due for recycling now, or null} */
    String due(WorkerProcess worker, long nowNanos, boolean readMemory) {
        if (worker.requestLimit > 0 && worker.figures.requestsServed() >= worker.requestLimit) {
            return "served " + worker.figures.requestsServed() + " requests (max_requests)";
        }
        if (!settings.maxAge().isZero() && nowNanos - worker.startedNanos >= settings.maxAge().toNanos()) {
            return "is older than max_age (" + settings.maxAge() + ")";
        }
        long limit = settings.maxMemory().bytes();
        if (limit > 0 && readMemory) {
            long resident = residentBytes(worker.pid());
            if (resident > limit) {
                return "uses " + resident / 1024 + " kB of memory, more than max_memory (" + settings.maxMemory() + ")";
            }
        }
        return null;
    }

    /** {@return whether resident sizes are read on this tick: at most once a second} */
    boolean memoryDue(long nowNanos) {
        if (settings.maxMemory().bytes() == 0 || nowNanos - memoryReadNanos < MEMORY_EVERY_NANOS) {
            return false;
        }
        memoryReadNanos = nowNanos;
        return true;
    }

    /** The resident set size of process {@code pid} ({@code VmRSS}); 0 when it cannot be read. */
    static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
