package dev.spawning.factory.server;

import dev.spawning.factory.ByteSize;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Settings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The settings every server provider reads from its {@code [server:...]} section, with the same
 * names, meanings and defaults on every provider. Built once and validated when built: a bad value
 * is a {@link FactoryException} naming the file, line, section, key, value and what was expected.
 *
 * <pre>{@code
 * ServerSettings s = ServerSettings.from(localConf);
 * s.port();            // 8080 unless set; 0 picks a free port
 * s.idleTimeout();     // 60s, or the duration given as keepalive = 5s
 * }</pre>
 *
 * @param host             {@code host}, default {@code 127.0.0.1}: the address to bind
 * @param port             {@code port}, default 8080; 0 is an ephemeral port
 * @param backlog          {@code backlog}, default 2048: the listen backlog
 * @param maxConnections   {@code max_connections}, default 10000: open connections at most
 * @param keepAlive        {@code keepalive}, default true; false (or {@code 0s}) closes after each response
 * @param idleTimeout      {@code idle_timeout}, default 60s (or {@code keepalive} given as a non-zero duration)
 * @param headerTimeout    {@code header_timeout}, default 30s: request line and headers complete by then
 * @param bodyTimeout      {@code body_timeout}, default 60s: longest wait for body bytes
 * @param urlLengthLimit   {@code url_length_limit}, default 8192 bytes of request line
 * @param maxHeaderLine    {@code max_header_line}, default 8192: a header line, its CRLF included, must be
 *                         shorter than this many bytes (Gunicorn's {@code limit_request_field_size}
 *                         counts the same way); 0 means the default, as it does in Gunicorn
 * @param maxHeadersSize   {@code max_headers_size}, default 64k for all header bytes; must be positive
 * @param maxHeaderCount   {@code max_header_count}, default 100 fields
 * @param maxBodySize      {@code max_body_size}, default 0: no limit
 * @param requireHost      {@code require_host}, default true: HTTP/1.1 without Host is a 400
 * @param proxy            {@code proxy_protocol} (default false), {@code proxy_allow_ips} and
 *                         {@code forwarded_allow_ips} (default {@code 127.0.0.1} each): the PROXY
 *                         protocol header and the trusted forwarding fields ({@link ProxySettings})
 * @param gracefulTimeout  {@code graceful_timeout}, default 30s: how long a stop waits for requests
 * @param accessLog        {@code access_log}, default off: {@code -} for stdout, or a file path
 * @param accessLogFormat  {@code access_log_format}, default {@link #COMBINED_LOG_FORMAT}; {@code json} for a
 *                         JSON object per line ({@link AccessLog})
 * @param threads          {@code threads}, default 0: a virtual thread per request; N: a pool of N platform threads
 * @param tls              {@code certfile}, default off: TLS with Gunicorn's settings ({@link TlsSettings}):
 *                         {@code certfile} (the PEM chain, leaf first) and {@code keyfile} (its PEM
 *                         key: PKCS#8, PKCS#1 RSA or SEC1 EC, not encrypted), {@code ca_certs} (the
 *                         PEM certificates that sign client certificates), {@code cert_reqs}
 *                         ({@code none}, {@code optional} or {@code required}; default
 *                         {@code none}), {@code ssl_protocols} (default {@code TLSv1.3 TLSv1.2})
 *                         and {@code ciphers} (default the JDK's). The files are read when the
 *                         settings are built: a missing or unreadable file, a file without a
 *                         certificate, an encrypted key or one that does not match the
 *                         certificate is an error naming the setting and the file
 * @param debug            {@code debug}, default false: send an app's exception text in its 500 response
 * @param inheritedSocket  {@code bind = fd://0}: serve the listening socket inherited as standard
 *                         input ({@link InheritedSocket}) instead of binding {@code host} and
 *                         {@code port}; {@code bind = HOST:PORT} sets those two instead
 * @param metricsBind      {@code metrics_bind = HOST:PORT}, default off: the separate listener of
 *                         the metrics and the health probes, served by {@code spawn serve} or the
 *                         controller, never by the server itself; given, the server keeps metrics
 *                         ({@link dev.spawning.factory.Server#metrics()}). An unresolved address.
 */
public record ServerSettings(
        String host,
        int port,
        int backlog,
        int maxConnections,
        boolean keepAlive,
        Duration idleTimeout,
        Duration headerTimeout,
        Duration bodyTimeout,
        int urlLengthLimit,
        int maxHeaderLine,
        ByteSize maxHeadersSize,
        int maxHeaderCount,
        ByteSize maxBodySize,
        boolean requireHost,
        ProxySettings proxy,
        Duration gracefulTimeout,
        Optional<String> accessLog,
        String accessLogFormat,
        int threads,
        Optional<TlsSettings> tls,
        boolean debug,
        boolean inheritedSocket,
        Optional<InetSocketAddress> metricsBind) {

    /** Apache's combined format with the duration in microseconds, in Gunicorn's atoms. */
    public static final String COMBINED_LOG_FORMAT =
            "%(h)s %(l)s %(u)s %(t)s \"%(r)s\" %(s)s %(b)s \"%(f)s\" \"%(a)s\" %(D)s";

    private static final int DEFAULT_MAX_HEADER_LINE = 8192;

    /** The defaults of the table in the servers' specification. */
    public static final ServerSettings DEFAULTS = from(Settings.empty());

    /**
     * The keys of the settings table every server provider reads ({@code spec/http-servers.md},
     * "Settings"), each read by {@link #from}.
     */
    public static final Set<String> NAMES = Set.of("host", "port", "backlog", "max_connections", "keepalive",
            "idle_timeout", "header_timeout", "body_timeout", "url_length_limit", "max_header_line",
            "max_headers_size", "max_header_count", "max_body_size", "require_host", "graceful_timeout",
            "access_log", "access_log_format", "threads", "debug", "bind", "metrics_bind", "proxy_protocol",
            "proxy_allow_ips", "forwarded_allow_ips", "certfile", "keyfile", "ca_certs", "cert_reqs",
            "ssl_protocols", "ciphers");

    /**
     * The keys of a server section that the controller reads ({@code spec/controller.md}), which a
     * server provider ignores: they are known keys all the same.
     */
    public static final Set<String> CONTROLLER_NAMES = Set.of("processes", "reload", "watch", "classpath",
            "jvm_args", "startup_timeout", "graceful_timeout", "deadman", "max_requests", "max_age", "max_memory",
            "control");

    /**
     * Reads and validates the server settings of a section; absent keys take their defaults.
     *
     * @param local the settings of a {@code [server:...]} section; keys not in {@link #NAMES} are
     *              ignored
     * @return the settings
     * @throws FactoryException naming every bad value of the section, not only the first
     */
    public static ServerSettings from(Settings local) {
        SettingErrors errors = new SettingErrors();
        ServerSettings settings = read(local, errors);
        errors.throwIfAny();
        return settings;
    }

    /**
     * Reads and validates the server settings of a section as a server factory receives them:
     * {@code debug} may come from the global conf, where Paste Deploy puts it (the section's own
     * value wins), and {@code access_log_format} must compile.
     *
     * @param globalConf the global conf, read for {@code debug} only
     * @param localConf  the settings of the {@code [server:...]} section; keys not in
     *                   {@link #NAMES} are ignored
     * @return the settings
     * @throws FactoryException naming every bad value of the section, not only the first
     */
    public static ServerSettings from(Settings globalConf, Settings localConf) {
        Settings local = localConf;
        if (!localConf.contains("debug") && globalConf.contains("debug")) {
            local = localConf.toBuilder()
                    .put("debug", globalConf.require("debug"), globalConf.origin("debug").orElse(null))
                    .build();
        }
        SettingErrors errors = new SettingErrors();
        ServerSettings settings = read(local, errors);
        Settings section = local;
        errors.read(() -> {
            try {
                return AccessLog.compile(settings.accessLogFormat());
            } catch (FactoryException bad) {
                throw section.invalid("access_log_format", "json, or a format of %(name)s atoms; " + bad.getMessage());
            }
        }, null);
        errors.throwIfAny();
        return settings;
    }

    /** Every setting of {@code local}, each bad one noted in {@code errors} and read as its default. */
    private static ServerSettings read(Settings local, SettingErrors errors) {
        Duration idle = errors.read(() -> local.duration("idle_timeout", Duration.ofSeconds(60)), Duration.ofSeconds(60));
        int before = errors.count();
        boolean keepAlive = errors.read(() -> local.value("keepalive", Boolean.TRUE,
                "true, false or an idle timeout such as 5s", ServerSettings::keepAliveEnabled), true);
        // A bad keepalive is reported once, by the line above.
        Duration keepAliveIdle = errors.count() > before ? idle
                : local.value("keepalive", idle, "true, false or an idle timeout such as 5s", text -> keepAliveIdle(text, idle));
        Bind bind = errors.read(() -> Bind.of(local), Bind.NONE);
        ServerSettings settings = new ServerSettings(
                bind.host() != null ? bind.host() : errors.read(() -> host(local), "127.0.0.1"),
                bind.port() >= 0 ? bind.port() : errors.read(() -> local.integer("port", 8080, 0, 65535), 8080),
                errors.read(() -> local.integer("backlog", 2048, 1, Integer.MAX_VALUE), 2048),
                errors.read(() -> local.integer("max_connections", 10_000, 1, Integer.MAX_VALUE), 10_000),
                keepAlive,
                keepAliveIdle,
                errors.read(() -> positive(local, "header_timeout", Duration.ofSeconds(30)), Duration.ofSeconds(30)),
                errors.read(() -> positive(local, "body_timeout", Duration.ofSeconds(60)), Duration.ofSeconds(60)),
                errors.read(() -> local.integer("url_length_limit", 8192, 16, Integer.MAX_VALUE), 8192),
                errors.read(() -> maxHeaderLine(local), DEFAULT_MAX_HEADER_LINE),
                errors.read(() -> positiveSize(local, "max_headers_size", ByteSize.ofKilobytes(64)),
                        ByteSize.ofKilobytes(64)),
                errors.read(() -> local.integer("max_header_count", 100, 1, Integer.MAX_VALUE), 100),
                errors.read(() -> local.size("max_body_size", ByteSize.ofBytes(0)), ByteSize.ofBytes(0)),
                errors.read(() -> local.bool("require_host", true), true),
                ProxySettings.read(local, errors),
                errors.read(() -> local.duration("graceful_timeout", Duration.ofSeconds(30)), Duration.ofSeconds(30)),
                errors.read(() -> accessLog(local), Optional.empty()),
                local.get("access_log_format", COMBINED_LOG_FORMAT),
                errors.read(() -> local.integer("threads", 0, 0, 10_000), 0),
                TlsSettings.read(local, errors),
                errors.read(() -> local.bool("debug", false), false),
                bind.inherited(),
                errors.read(() -> metricsBind(local), Optional.empty()));
        if (settings.proxy().protocol() && settings.tls().isPresent()) {
            errors.read(() -> {
                throw local.invalid("proxy_protocol", "false with certfile: a PROXY header ahead of the TLS "
                        + "handshake is not supported; let the proxy end TLS, or leave the PROXY protocol off");
            }, null);
        }
        return settings;
    }

    private static Optional<InetSocketAddress> metricsBind(Settings local) {
        return local.value("metrics_bind", Optional.empty(), "HOST:PORT, or off",
                text -> text.strip().equalsIgnoreCase("off") ? Optional.empty() : Bind.address(text));
    }

    /** {@return the scheme of the server's URLs: {@code https} with {@link #tls}, else {@code http}} */
    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }

    /** {@return whether a request body has a size limit: {@code max_body_size} is not 0} */
    public boolean limitsBodySize() {
        return maxBodySize.bytes() > 0;
    }

    private static int maxHeaderLine(Settings local) {
        int given = local.integer("max_header_line", DEFAULT_MAX_HEADER_LINE, 0, Integer.MAX_VALUE);
        return given == 0 ? DEFAULT_MAX_HEADER_LINE : given;
    }

    /**
     * Whether a header line of {@code length} bytes (CRLF excluded) breaks {@code max_header_line}:
     * with its CRLF it must stay shorter than the limit. Every provider counts this way.
     *
     * @param length the bytes of the line, CRLF excluded
     * @return true when the line is too long
     */
    public boolean headerLineTooLong(long length) {
        return length + 2 >= maxHeaderLine;
    }

    private static String host(Settings local) {
        return local.value("host", "127.0.0.1", "a host name or an IP address", text -> {
            String host = text.trim();
            return host.isEmpty() || host.chars().anyMatch(Character::isWhitespace) ? null : host;
        });
    }

    private static Duration positive(Settings local, String key, Duration defaultValue) {
        return local.value(key, defaultValue, "a positive duration such as 500ms, 30s or 5m", text -> {
            Duration parsed = Settings.parseDuration(text);
            return parsed == null || parsed.isZero() ? null : parsed;
        });
    }

    /** Zero has no meaning as a limit on all header bytes (every request would fail): refuse it. */
    private static ByteSize positiveSize(Settings local, String key, ByteSize defaultValue) {
        return local.value(key, defaultValue, "a positive size such as 8192, 64k or 10m",
                text -> ByteSize.parse(text).filter(size -> size.bytes() > 0).orElse(null));
    }

    /**
     * The idle timeout a {@code keepalive} value gives: its duration, or {@code idle_timeout} when it
     * is a boolean or zero (keep-alive off), so that no server reads a zero timeout as "no timeout".
     */
    private static Duration keepAliveIdle(String text, Duration idle) {
        if (Settings.parseBool(text) != null) {
            return idle;
        }
        Duration given = Settings.parseDuration(text);
        return given != null && given.isZero() ? idle : given;
    }

    private static Boolean keepAliveEnabled(String text) {
        Boolean flag = Settings.parseBool(text);
        if (flag != null) {
            return flag;
        }
        Duration idle = Settings.parseDuration(text);
        return idle == null ? null : !idle.isZero();
    }

    private static Optional<String> accessLog(Settings local) {
        String value = local.get("access_log", "off").trim();
        return value.isEmpty() || value.equalsIgnoreCase("off") ? Optional.empty() : Optional.of(value);
    }
}
