package dev.spawning.coroutine;

import dev.spawning.factory.FactoryException;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Server;
import dev.spawning.factory.ServerFactory;
import dev.spawning.factory.Settings;

/** Provider {@code coroutine}: placeholder while the engine is written. */
@FactoryProvider(name = "coroutine", description = "HTTP/1.1 on virtual threads, one per connection")
public final class CoroutineServerFactory implements ServerFactory {

    /** Public because ServiceLoader needs it. */
    public CoroutineServerFactory() {
    }

    @Override
    public Server create(Settings globalConf, Settings localConf) {
        throw new FactoryException("not yet");
    }
}
