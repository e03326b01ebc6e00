package dev.spawning.factory;

import java.nio.channels.ServerSocketChannel;
import java.util.Set;

/**
 * Builds a server from a {@code [server:...]} section (Paste's {@code paste.server_factory}). The
 * server does not bind until {@link Server#start} is called.
 */
@FunctionalInterface
public non-sealed interface ServerFactory extends Factory {

    /**
     * Builds the server of one section, unstarted: it binds nothing until {@link Server#start}.
     * Called on the loading thread each time the section is loaded. A provider reads the settings
     * every server shares with {@link dev.spawning.factory.server.ServerSettings#from(Settings,
     * Settings)}, so that every bad value of the section is reported at once.
     *
     * @param globalConf the global conf (see {@link Factory})
     * @param localConf  the local conf: this section's own keys (see {@link Factory})
     * @return the server; {@code null} is a load error that names the section
     * @throws Exception any failure to build; the loader reports it with the file and section, and
     *                   each issue of a {@link FactoryException} at the place the issue names,
     *                   together with the section's unknown keys
     */
    Server create(Settings globalConf, Settings localConf) throws Exception;

    /**
     * Builds the server of one section to serve {@code listening}, a socket already bound and
     * listening (by a parent process, a supervisor, or the embedding application), instead of
     * binding {@code host} and {@code port}. The server owns the channel from then on and closes it
     * when it stops. The socket's OS-level non-blocking flag is shared by every process holding it
     * (see {@link dev.spawning.factory.server.InheritedSocket}), so the server must accept correctly
     * whichever way another process left it. A provider that can do this overrides this method and
     * {@link #servesHandedSockets()}; the default refuses.
     *
     * @param globalConf the global conf (see {@link Factory})
     * @param localConf  the local conf: this section's own keys (see {@link Factory})
     * @param listening  the bound, listening socket to accept from
     * @return the server, unstarted
     * @throws Exception as {@link #create(Settings, Settings)} does; by default a
     *                   {@link FactoryException} saying that this provider cannot serve a socket
     *                   bound elsewhere
     */
    default Server create(Settings globalConf, Settings localConf, ServerSocketChannel listening) throws Exception {
        throw new FactoryException(getClass().getName() + " cannot serve a socket bound elsewhere");
    }

    /**
     * {@return whether this provider serves a socket bound elsewhere: through
     * {@link #create(Settings, Settings, ServerSocketChannel)}, and for {@code bind = fd://0} in its
     * section} The loader refuses {@code bind = fd://0} for a provider that does not, rather than let
     * it bind {@code host} and {@code port} in silence, and spawn's controller, which gives its
     * workers the socket that way, checks it before starting any.
     */
    default boolean servesHandedSockets() {
        return false;
    }

    /**
     * The keys this provider reads from its section besides
     * {@link dev.spawning.factory.server.ServerSettings#NAMES} (and the controller's,
     * {@link dev.spawning.factory.server.ServerSettings#CONTROLLER_NAMES}): any other key of a
     * {@code [server:...]} section is refused as a misspelling, with the closest known keys.
     *
     * @return the provider's own keys; none by default
     */
    default Set<String> settingNames() {
        return Set.of();
    }
}
