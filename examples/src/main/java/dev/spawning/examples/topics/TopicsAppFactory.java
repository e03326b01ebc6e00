package dev.spawning.examples.topics;

import dev.spawning.factory.App;
import dev.spawning.factory.AppFactory;
import dev.spawning.factory.ByteSize;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Provider {@code topics}: Comet over per-topic append-only logs, by long-poll and by Server-Sent
 * Events, shared by every worker process that serves the same {@code data_dir}.
 *
 * <table>
 *   <caption>Local settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code data_dir}</td><td>(required)</td><td>the directory of the logs, one
 *       {@code NAME.log} per topic (one JSON line per event), created if absent; relative to the
 *       deployment file's directory. Every worker serving the same topics must share it.</td></tr>
 *   <tr><td>{@code retain}</td><td>{@code 1000}</td><td>how many of a topic's last events a
 *       reader may still ask for (an older cursor gets 410), and the file keeps (up to twice as
 *       many between compactions)</td></tr>
 *   <tr><td>{@code heartbeat}</td><td>{@code 15s}</td><td>the longest silence of an event stream:
 *       then a comment line, so that a client gone is noticed</td></tr>
 *   <tr><td>{@code poll_interval}</td><td>{@code 1s}</td><td>how often the logs are looked at for
 *       publishes of other processes, besides the file system's change notices</td></tr>
 *   <tr><td>{@code max_event_size}</td><td>{@code 64k}</td><td>the largest body of a publish; a
 *       larger one gets 413</td></tr>
 * </table>
 *
 * <p>What it answers, below its mount point (every body JSON unless said, every answer with
 * {@code Cache-Control: no-store}; an error is {@code {"error": "..."}}):
 * <ul>
 *   <li>{@code POST /NAME} with a JSON body ({@code Content-Type: application/json} or
 *       {@code application/*+json}) publishes it: 201 {@code {"seq":N}}, N from 1 per topic. Not
 *       JSON: 415; not one well-formed JSON value: 400; too large: 413.</li>
 *   <li>{@code GET /NAME/events?since=N&wait=S}: at once if there are events after N,
 *       {@code {"events":[{"seq":N,"data":...},...],"cursor":M}}; otherwise held until one is
 *       published or S seconds pass (default 25, at most 55, decimals allowed: {@code 0.5}), then
 *       {@code {"events":[],"cursor":N}}. A cursor older than the retained log, or after its end:
 *       410 with the cursor to read again from, {@code {"error":"...","cursor":K}}. A bad
 *       {@code since} or {@code wait}: 400.</li>
 *   <li>The same URL with {@code Accept: text/event-stream}: Server-Sent Events, one per entry
 *       ({@code id:} the seq, {@code data:} the JSON), from after {@code Last-Event-ID} (or
 *       {@code since}); new events are pushed as they are published, {@code : heartbeat} after
 *       each silent {@code heartbeat}. A stream that falls behind the retained log ends with
 *       {@code event: gone} whose data is the body of a 410.</li>
 *   <li>Another method: 405 with {@code Allow} ({@code POST} on a topic, {@code GET} on its
 *       events). A name that is not 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}
 *       (not starting with {@code .}): 400. Any other path: 404.</li>
 * </ul>
 *
 * <p>When the server begins a graceful stop (a reload), held long-polls answer at once with their
 * cursor and event streams end, so that clients ask again and reach the new workers.
 *
 * <p>A topic's file is compacted: once it holds more than twice {@code retain} lines, the
 * publish that notices writes the last {@code retain} events to a new file and renames it over
 * the old one, under the file's lock; the other processes notice the new file (its identity
 * changed) and read it from its start. A worker reads a topic's file when it first serves that
 * topic, and keeps every topic it has served in memory (at most twice {@code retain} events each;
 * a name read but never published creates no file). One watcher thread per app instance lives as
 * long as the process. Remove a topic's file only while no worker runs: clients whose cursor is
 * then ahead of the log get 410 and start again.
 *
 * <pre>{@code
 * [app:topics]
 * use = service:topics
 * data_dir = %(here)s/var/topics
 * retain = 500
 * }</pre>
 */
@FactoryProvider(name = "topics",
        description = "Comet: per-topic event logs by long-poll and Server-Sent Events (data_dir, retain, heartbeat)")
public final class TopicsAppFactory implements AppFactory {

    private static final List<String> KNOWN = List.of("data_dir", "retain", "heartbeat", "poll_interval",
            "max_event_size");
    // Keeps a body a Java array can hold.
    private static final long LARGEST_EVENT = Integer.MAX_VALUE - 16;

    /** Public because ServiceLoader needs it. */
    public TopicsAppFactory() {
    }

    /** Validates every setting now, and creates {@code data_dir} if absent. */
    @Override
    public App create(Settings globalConf, Settings localConf) {
        List<FactoryException.Issue> issues = new ArrayList<>();
        for (String key : localConf.keys()) {
            if (!KNOWN.contains(key)) {
                issues.add(new FactoryException.Issue(key + " is not a setting of the topics app (it has "
                        + String.join(", ", KNOWN) + ")", localConf.origin(key).orElse(null),
                        section(localConf), key));
            }
        }
        Path dataDir = read(issues, () -> dataDir(globalConf, localConf));
        Integer retain = read(issues, () -> localConf.integer("retain", TopicsSettings.DEFAULT_RETAIN, 1,
                10_000_000));
        Duration heartbeat = read(issues, () -> positive(localConf, "heartbeat", TopicsSettings.DEFAULT_HEARTBEAT));
        Duration poll = read(issues, () -> positive(localConf, "poll_interval",
                TopicsSettings.DEFAULT_POLL_INTERVAL));
        ByteSize maxEventSize = read(issues, () -> eventSize(localConf));
        if (!issues.isEmpty()) {
            throw new FactoryException(issues);
        }
        return new TopicsApp(new TopicsSettings(dataDir, retain, heartbeat, poll, maxEventSize));
    }

    private static <T> T read(List<FactoryException.Issue> issues, Supplier<T> value) {
        try {
            return value.get();
        } catch (FactoryException bad) {
            issues.addAll(bad.issues());
            return null;
        }
    }

    private static Path dataDir(Settings global, Settings local) {
        String value = local.require("data_dir");
        Path directory;
        try {
            directory = value.isBlank() ? null
                    : global.get("here").map(Path::of).orElse(Path.of("")).toAbsolutePath().resolve(value.strip())
                            .normalize();
        } catch (InvalidPathException bad) {
            directory = null;
        }
        if (directory == null) {
            throw local.invalid("data_dir", "the path of a directory");
        }
        try {
            return Files.createDirectories(directory).toRealPath();
        } catch (IOException cannot) {
            throw local.invalid("data_dir", "a directory this process can create and write; " + cannot);
        }
    }

    private static Duration positive(Settings local, String key, Duration defaultValue) {
        Duration value = local.duration(key, defaultValue);
        if (value.isZero()) {
            throw local.invalid(key, "a positive duration such as 500ms or 15s");
        }
        return value;
    }

    private static ByteSize eventSize(Settings local) {
        ByteSize value = local.size("max_event_size", TopicsSettings.DEFAULT_MAX_EVENT_SIZE);
        if (value.bytes() < 1 || value.bytes() > LARGEST_EVENT) {
            throw local.invalid("max_event_size", "a size from 1 byte to 2g, such as 64k");
        }
        return value;
    }

    private static String section(Settings settings) {
        return settings.section().isEmpty() ? null : settings.section();
    }
}
