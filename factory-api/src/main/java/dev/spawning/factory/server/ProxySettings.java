package dev.spawning.factory.server;

import dev.spawning.factory.Settings;

/**
 * What a server trusts of the proxies in front of it: whether every connection begins with a PROXY
 * protocol header ({@link ProxyHeader}) and from which peers, and from which peers the forwarding
 * fields ({@link ForwardedHeaders}) are honoured. Part of {@link ServerSettings}; immutable.
 *
 * @param protocol          {@code proxy_protocol}, default false: every connection must begin with
 *                          a PROXY header (version 1 or 2), from a peer in {@code allowIps};
 *                          a connection without one, with a malformed one, or from another peer
 *                          is closed without an answer
 * @param allowIps          {@code proxy_allow_ips}, default {@code 127.0.0.1}: the peers that may
 *                          send a PROXY header ({@link AddressSet} syntax)
 * @param forwardedAllowIps {@code forwarded_allow_ips}, default {@code 127.0.0.1}: the peers whose
 *                          {@code Forwarded} and {@code X-Forwarded-*} fields are honoured; empty
 *                          for none (the {@code forwarded} filter may do it instead)
 */
public record ProxySettings(boolean protocol, AddressSet allowIps, AddressSet forwardedAllowIps) {

    /** The default of both address lists: the loopback address a local proxy connects from. */
    public static final String DEFAULT_ALLOW_IPS = "127.0.0.1";

    /** No PROXY header; forwarding fields honoured from {@code 127.0.0.1}. */
    public static final ProxySettings DEFAULTS = new ProxySettings(false, AddressSet.parse(DEFAULT_ALLOW_IPS),
            AddressSet.parse(DEFAULT_ALLOW_IPS));

    /** {@return the resolver of the forwarding fields from {@link #forwardedAllowIps}} */
    public ForwardedHeaders forwarding() {
        return ForwardedHeaders.trusting(forwardedAllowIps);
    }

    /** Reads the three settings of {@code local}, noting each bad one in {@code errors}. */
    static ProxySettings read(Settings local, SettingErrors errors) {
        return new ProxySettings(
                errors.read(() -> local.bool("proxy_protocol", false), false),
                errors.read(() -> addresses(local, "proxy_allow_ips"), DEFAULTS.allowIps()),
                errors.read(() -> addresses(local, "forwarded_allow_ips"), DEFAULTS.forwardedAllowIps()));
    }

    /**
     * An address list setting in {@link AddressSet} syntax.
     *
     * @param local the section's settings
     * @param key   the key, such as {@code trusted}
     * @return the set; {@link #DEFAULT_ALLOW_IPS} when the key is absent
     * @throws dev.spawning.factory.FactoryException naming the key and value, expecting
     *                                               {@link AddressSet#EXPECTED}
     */
    public static AddressSet addresses(Settings local, String key) {
        return local.value(key, AddressSet.parse(DEFAULT_ALLOW_IPS), AddressSet.EXPECTED, AddressSet::parse);
    }
}
