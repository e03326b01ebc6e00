package dev.spawning.examples.topics;

import dev.spawning.factory.ByteSize;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The validated settings of one {@code topics} app; the defaults are here and in
 * {@link TopicsAppFactory}'s table.
 *
 * @param dataDir      the directory of the log files, absolute and normalized; it exists
 * @param retain       how many of the last events of a topic readers may ask for
 * @param heartbeat    the longest silence of an event stream
 * @param pollInterval how often the log files are looked at, besides the file system's notices
 * @param maxEventSize the largest body a publish may have
 */
record TopicsSettings(Path dataDir, int retain, Duration heartbeat, Duration pollInterval, ByteSize maxEventSize) {

    static final int DEFAULT_RETAIN = 1000;
    static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    static final ByteSize DEFAULT_MAX_EVENT_SIZE = ByteSize.ofKilobytes(64);
}
