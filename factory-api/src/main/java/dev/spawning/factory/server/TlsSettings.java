package dev.spawning.factory.server;

import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Settings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * TLS on a server, with Gunicorn's setting names: on when {@code certfile} is given. Built by
 * {@link ServerSettings#from}, which reads the PEM files then, so that a missing file, a file
 * without a certificate, an encrypted key or a key that does not match its certificate is an error
 * naming the setting and the file before anything binds. Every provider makes its engines with
 * {@link #newEngine}, so that protocols, cipher suites and client authentication are the same on
 * all of them.
 *
 * <pre>{@code
 * [server:main]
 * certfile = %(here)s/tls/server.pem     # the chain, leaf first
 * keyfile = %(here)s/tls/server-key.pem  # PKCS#8, PKCS#1 RSA or SEC1 EC; not encrypted
 * ca_certs = %(here)s/tls/clients-ca.pem
 * cert_reqs = required
 * }</pre>
 *
 * <p>Immutable and thread-safe ({@link SSLContext} is). Records compare their context by identity:
 * two readings of the same files are not equal.
 *
 * @param certfile  {@code certfile}: the PEM certificate chain, leaf first; relative paths are
 *                  relative to the working directory (write {@code %(here)s/} for the file's)
 * @param keyfile   {@code keyfile}: the PEM private key of the leaf certificate; required with
 *                  {@code certfile}
 * @param caCerts   {@code ca_certs}: the PEM certificates that sign client certificates; required
 *                  unless {@code cert_reqs = none}
 * @param certReqs  {@code cert_reqs}, default {@code none}: whether a client sends a certificate
 * @param protocols {@code ssl_protocols}, default {@code TLSv1.3 TLSv1.2}: the JDK's protocol
 *                  names, separated by spaces or commas
 * @param ciphers   {@code ciphers}, default empty: the JDK's enabled suites; otherwise the IANA
 *                  (JDK) suite names, separated by spaces, commas or colons, each supported here
 * @param context   the context made of those files, read when the settings were built
 */
public record TlsSettings(Path certfile, Path keyfile, Optional<Path> caCerts, CertReqs certReqs,
        List<String> protocols, List<String> ciphers, SSLContext context) {

    /** The keys of the TLS settings, all read by {@link ServerSettings#from}. */
    public static final Set<String> NAMES = Set.of("certfile", "keyfile", "ca_certs", "cert_reqs",
            "ssl_protocols", "ciphers");

    /** {@code ssl_protocols}' default. */
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** {@code cert_reqs}: Python's {@code ssl.CERT_NONE}, {@code CERT_OPTIONAL} and {@code CERT_REQUIRED}. */
    public enum CertReqs {
        /** No certificate is asked for. */
        NONE,
        /** A certificate is asked for; a client without one is served all the same. */
        OPTIONAL,
        /** A client without a certificate signed by {@code ca_certs} fails the handshake. */
        REQUIRED
    }

    /** Copies the lists. */
    public TlsSettings {
        protocols = List.copyOf(protocols);
        ciphers = List.copyOf(ciphers);
    }

    /**
     * A server-side engine with these protocols, suites and client authentication. Thread-safe;
     * each call makes a new engine, for one connection.
     *
     * @param peerHost the client's address, as a hint for the session cache; may be null
     * @param peerPort the client's port, or -1
     * @return the engine, in server mode, its handshake not begun
     */
    public SSLEngine newEngine(String peerHost, int peerPort) {
        SSLEngine engine = context.createSSLEngine(peerHost, peerPort);
        engine.setUseClientMode(false);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(protocols.toArray(String[]::new));
        if (!ciphers.isEmpty()) {
            parameters.setCipherSuites(ciphers.toArray(String[]::new));
        }
        switch (certReqs) {
            case NONE -> parameters.setWantClientAuth(false);
            case OPTIONAL -> parameters.setWantClientAuth(true);
            case REQUIRED -> parameters.setNeedClientAuth(true);
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    /** The TLS settings of {@code local}: empty without {@code certfile}; its files read now. */
    static Optional<TlsSettings> read(Settings local, SettingErrors errors) {
        if (!local.contains("certfile")) {
            for (String key : List.of("keyfile", "ca_certs", "cert_reqs", "ssl_protocols", "ciphers")) {
                if (local.contains(key)) {
                    errors.read(() -> {
                        throw local.invalid(key, "certfile too: TLS is on only when certfile names a certificate");
                    }, null);
                }
            }
            return Optional.empty();
        }
        int before = errors.count();
        CertReqs certReqs = errors.read(() -> certReqs(local), CertReqs.NONE);
        List<String> protocols = errors.read(() -> protocols(local), DEFAULT_PROTOCOLS);
        List<String> ciphers = errors.read(() -> ciphers(local), List.of());
        errors.read(() -> required(local, certReqs), null);
        if (errors.count() > before) {
            return Optional.empty();
        }
        Path certfile = Path.of(local.require("certfile").strip());
        Path keyfile = Path.of(local.require("keyfile").strip());
        Optional<Path> caCerts = local.get("ca_certs").map(String::strip).map(Path::of);
        return errors.read(() -> Optional.of(new TlsSettings(certfile, keyfile, caCerts, certReqs, protocols, ciphers,
                PemFiles.context(local, certfile, keyfile, caCerts))), Optional.empty());
    }

    private static Object required(Settings local, CertReqs certReqs) {
        if (!local.contains("keyfile")) {
            throw local.invalid("certfile", "keyfile too: the private key of the certificate");
        }
        if (certReqs != CertReqs.NONE && !local.contains("ca_certs")) {
            throw local.invalid("cert_reqs", "none unless ca_certs names the certificates that sign client certificates");
        }
        return null;
    }

    private static CertReqs certReqs(Settings local) {
        return local.value("cert_reqs", CertReqs.NONE, "none, optional or required",
                text -> CertReqs.valueOf(text.strip().toUpperCase(Locale.ROOT)));
    }

    private static List<String> protocols(Settings local) {
        Set<String> supported = Set.of(supportedParameters().getProtocols());
        return local.value("ssl_protocols", DEFAULT_PROTOCOLS,
                "protocol names this JDK supports, such as TLSv1.3 TLSv1.2", text -> names(text, "[\\s,]+", supported::contains));
    }

    private static List<String> ciphers(Settings local) {
        Set<String> supported = Set.of(supportedParameters().getCipherSuites());
        return local.value("ciphers", List.of(), "cipher suite names this JDK supports, such as TLS_AES_128_GCM_SHA256",
                text -> names(text, "[\\s,:]+", supported::contains));
    }

    /** The names of {@code text}, or null when it has none or one is not {@code known}. */
    private static List<String> names(String text, String separators, java.util.function.Predicate<String> known) {
        List<String> names = List.copyOf(new LinkedHashSet<>(Arrays.asList(text.strip().split(separators))));
        return names.isEmpty() || names.getFirst().isEmpty() || !names.stream().allMatch(known) ? null : names;
    }

    private static SSLParameters supportedParameters() {
        try {
            return SSLContext.getDefault().getSupportedSSLParameters();
        } catch (java.security.NoSuchAlgorithmException missing) {
            throw new FactoryException("This JDK has no default TLS context: " + missing, missing);
        }
    }
}
