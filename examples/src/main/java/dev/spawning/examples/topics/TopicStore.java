package dev.spawning.examples.topics;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The topics of one app instance, kept in {@code data_dir} (one {@code NAME.log} file each), and
 * the one thread that notices when another process appends to them: a {@link WatchService} on
 * the directory, and a look at every known topic's file each {@code poll_interval} in case the
 * file system reports nothing (a network file system, say).
 *
 * <p>Threads: request threads call {@link #topic}; the watcher thread (a virtual thread named
 * {@code topics-watcher}) calls {@link Topic#refresh}; the thread that stops the server calls
 * {@link #stop}. The map of topics is concurrent; each {@link Topic} guards itself.
 */
final class TopicStore implements Closeable {

    private static final System.Logger LOG = System.getLogger(TopicStore.class.getName());
    private static final String SUFFIX = ".log";
    private static final Duration LOOK_AGAIN = Duration.ofMillis(20);

    private final Path dataDir;
    private final int retain;
    private final Duration pollInterval;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final WatchService watchService;
    private final Thread watcher;
    private volatile boolean stopping;
    private volatile boolean closed;
    // The watcher's own: a look was cut short, so the next comes after LOOK_AGAIN, not poll_interval.
    private boolean lookAgainSoon;

    private TopicStore(Path dataDir, int retain, Duration pollInterval, WatchService watchService) {
        this.dataDir = dataDir;
        this.retain = retain;
        this.pollInterval = pollInterval;
        this.watchService = watchService;
        this.watcher = Thread.ofVirtual().name("topics-watcher").unstarted(this::watch);
    }

    /**
     * A store on {@code dataDir}, watching it.
     *
     * @param dataDir      an existing directory, absolute and normalized
     * @param retain       how many of the last events of a topic a reader may ask for
     * @param pollInterval how often every known topic's file is looked at anyway
     * @return the store, its watcher started
     */
    static TopicStore open(Path dataDir, int retain, Duration pollInterval) {
        TopicStore store = new TopicStore(dataDir, retain, pollInterval, watchServiceOn(dataDir));
        store.watcher.start();
        return store;
    }

    /**
     * The topic of this name, opened (its file created) on first use.
     *
     * @param name a valid topic name (see {@link TopicName})
     * @return the topic
     * @throws IOException when its file cannot be opened or read
     */
    Topic topic(String name) throws IOException {
        try {
            return topics.computeIfAbsent(name, this::load);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The server stops: every wait ends now, and every later one at once. */
    void stop() {
        stopping = true;
        topics.values().forEach(Topic::wakeAll);
    }

    /** {@return whether the server serving this app has begun to stop} */
    boolean stopping() {
        return stopping;
    }

    /** Stops the watcher and closes the files; waits in progress end as at a stop. */
    @Override
    public void close() throws IOException {
        closed = true;
        stop();
        if (watchService != null) {
            watchService.close();
        }
        watcher.interrupt();
        for (Topic topic : topics.values()) {
            topic.close();
        }
    }

    private Topic load(String name) {
        try {
            return Topic.load(dataDir.resolve(name + SUFFIX), retain, this::stopping);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WatchService watchServiceOn(Path dataDir) {
        try {
            WatchService service = FileSystems.getDefault().newWatchService();
            dataDir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            return service;
        } catch (IOException | UnsupportedOperationException notWatchable) {
            LOG.log(Level.WARNING, "Cannot watch " + dataDir + " (" + notWatchable
                    + "); publishes of other processes are seen by polling only");
            return null;
        }
    }

    /** The watcher thread's loop: wake a topic's waiters when its file changed. */
    private void watch() {
        try {
            while (!closed) {
                WatchKey key = nextKey();
                if (key == null) {
                    refreshAll();
                    continue;
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        refreshAll();
                    } else if (event.context() instanceof Path file) {
                        refresh(file.getFileName().toString());
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException ended) {
            // close() was called
        }
    }

    private WatchKey nextKey() throws InterruptedException {
        long nanos = lookAgainSoon ? LOOK_AGAIN.toNanos() : pollInterval.toNanos();
        lookAgainSoon = false;
        if (watchService == null) {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return null;
        }
        return watchService.poll(nanos, TimeUnit.NANOSECONDS);
    }

    private void refresh(String fileName) {
        if (fileName.endsWith(SUFFIX)) {
            Topic topic = topics.get(fileName.substring(0, fileName.length() - SUFFIX.length()));
            if (topic != null) {
                refresh(topic);
            }
        }
    }

    private void refreshAll() {
        topics.values().forEach(this::refresh);
    }

    private void refresh(Topic topic) {
        try {
            if (!topic.refresh()) {
                lookAgainSoon = true;
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.log(Level.WARNING, "Cannot read a topic's log in " + dataDir + ": " + e);
            }
        }
    }
}
