package dev.spawning.examples.actors;

import dev.spawning.factory.App;
import dev.spawning.factory.AppFactory;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Settings;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Provider {@code actors}: actors over REST. Mount it at {@code /actors}; then {@code /actors/}
 * lists the actors and {@code /actors/ID} is one of them.
 *
 * <table>
 *   <caption>Local settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code data_dir}</td><td>(required)</td><td>where actors are kept: a snapshot and a
 *       journal per actor; created if absent</td></tr>
 *   <tr><td>{@code types}</td><td>{@code counter chatroom}</td><td>the actor types a PUT may
 *       create</td></tr>
 *   <tr><td>{@code mailbox}</td><td>{@code 100}</td><td>messages an actor's mailbox holds; a cast
 *       beyond it is 503 with {@code Retry-After}</td></tr>
 *   <tr><td>{@code history}</td><td>{@code 50}</td><td>lines a chatroom keeps</td></tr>
 * </table>
 *
 * <p>The wire format: {@code PUT /actors/c1} with {@code {"type": "counter", "state": {"count": 0}}}
 * creates (201) or replaces (200); {@code POST /actors/c1} with {@code {"add": 2}} casts (202,
 * {@code {"accepted": true}}, once the message is on disk); {@code GET /actors/c1} gives
 * {@code {"type": "counter", "version": N, "state": {"count": 2}, "mailbox": []}} with an
 * {@code ETag}; {@code DELETE} gives 204.
 *
 * <pre>{@code
 * [app:actors]
 * use = service:actors
 * data_dir = %(here)s/data/actors
 * types = counter chatroom
 * }</pre>
 */
@FactoryProvider(name = "actors", description = "Actors over REST, kept in data_dir (data_dir, types, mailbox, history, lock_wait)")
public final class ActorsAppFactory implements AppFactory {

    static final int DEFAULT_MAILBOX = 100;
    static final int DEFAULT_HISTORY = 50;
    static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(2);

    /** Public because ServiceLoader needs it. */
    public ActorsAppFactory() {
    }

    /**
     * Reads the settings, checks that every actor kept in {@code data_dir} is of an enabled type,
     * and takes up the actors with mail not yet handled (unless another process has them), which
     * start handling it. Other actors are read from {@code data_dir} when a request needs them.
     */
    @Override
    public App create(Settings globalConf, Settings localConf) throws IOException {
        int mailbox = localConf.integer("mailbox", DEFAULT_MAILBOX, 1, 1_000_000);
        int history = localConf.integer("history", DEFAULT_HISTORY, 1, 100_000);
        Map<String, ActorType> types = types(localConf, history);
        Duration lockWait = localConf.duration("lock_wait", DEFAULT_LOCK_WAIT);
        Path dataDir = dataDir(localConf);
        DiskStore store = DiskStore.open(dataDir);
        try {
            return new ActorsApp(Actors.open(types, store, mailbox, lockWait));
        } catch (IOException | RuntimeException failed) {
            store.close();
            throw new FactoryException((localConf.section().isEmpty() ? "" : "[" + localConf.section() + "] ")
                    + "cannot restore the actors kept in " + dataDir + ": " + failed.getMessage(), failed);
        }
    }

    private static Map<String, ActorType> types(Settings localConf, int history) {
        Map<String, ActorType> types = new LinkedHashMap<>();
        for (String name : localConf.contains("types") ? localConf.list("types") : ActorTypes.NAMES) {
            ActorType type = ActorTypes.named(name, history);
            if (type == null) {
                throw localConf.invalid("types", "actor types among " + String.join(", ", ActorTypes.NAMES));
            }
            types.put(name, type);
        }
        if (types.isEmpty()) {
            throw localConf.invalid("types", "at least one actor type among " + String.join(", ", ActorTypes.NAMES));
        }
        return types;
    }

    private static Path dataDir(Settings localConf) {
        String text = localConf.require("data_dir");
        try {
            return Path.of(text);
        } catch (InvalidPathException bad) {
            throw localConf.invalid("data_dir", "a directory path");
        }
    }
}
