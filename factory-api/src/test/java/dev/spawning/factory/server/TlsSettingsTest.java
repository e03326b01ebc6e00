package dev.spawning.factory.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Origin;
import dev.spawning.factory.Settings;
import dev.spawning.factory.testing.TestTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSettingsTest {

    @TempDir
    static Path directory;
    private static TestTls tls;

    @BeforeAll
    static void certificates() {
        tls = TestTls.create(directory);
    }

    /** The section of a file, each key on its own line from line 2. */
    private static Settings section(String... keysAndValues) {
        Settings.Builder builder = Settings.builder("server:main");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            builder.put(keysAndValues[i], keysAndValues[i + 1], new Origin("/srv/app.ini", 2 + i / 2));
        }
        return builder.build();
    }

    private static void assertRefused(String message, String... keysAndValues) {
        assertThatThrownBy(() -> ServerSettings.from(section(keysAndValues)))
                .isInstanceOf(FactoryException.class)
                .hasMessage(message);
    }

    @Test
    void theProxyProtocolWithTlsIsRefused() {
        assertRefused("Error in file /srv/app.ini: line 2: [server:main] proxy_protocol = 'true': expected false "
                + "with certfile: a PROXY header ahead of the TLS handshake is not supported; let the proxy end TLS, "
                + "or leave the PROXY protocol off", "proxy_protocol", "true", "certfile", tls.certfile().toString(),
                "keyfile", tls.keyfile().toString());
    }

    @Test
    void tlsIsOffWithoutCertfile() {
        assertThat(ServerSettings.DEFAULTS.tls()).isEmpty();
        assertThat(ServerSettings.DEFAULTS.scheme()).isEqualTo("http");
    }

    @Test
    void certfileAndAPkcs8KeyfileTurnTlsOnWithTheDefaults() {
        ServerSettings settings = ServerSettings.from(section(tls.serverSettings()));

        TlsSettings on = settings.tls().orElseThrow();
        assertThat(settings.scheme()).isEqualTo("https");
        assertThat(on.certReqs()).isEqualTo(TlsSettings.CertReqs.NONE);
        assertThat(on.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(on.ciphers()).isEmpty();
        SSLEngine engine = on.newEngine("127.0.0.1", 1);
        assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        assertThat(engine.getNeedClientAuth()).isFalse();
        assertThat(engine.getWantClientAuth()).isFalse();
    }

    @Test
    void readsPkcs1RsaAndSec1EcKeys() {
        assertThat(ServerSettings.from(section("certfile", tls.certfile().toString(),
                "keyfile", tls.rsaKeyfile().toString())).tls()).isPresent();
        assertThat(ServerSettings.from(section("certfile", tls.ecCertfile().toString(),
                "keyfile", tls.ecKeyfile().toString())).tls()).isPresent();
    }

    @Test
    void certReqsProtocolsAndCiphersConfigureEachEngine() {
        TlsSettings on = ServerSettings.from(section("certfile", tls.certfile().toString(),
                "keyfile", tls.keyfile().toString(), "ca_certs", tls.caCerts().toString(), "cert_reqs", "required",
                "ssl_protocols", "TLSv1.2", "ciphers", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "
                        + "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")).tls().orElseThrow();

        SSLEngine engine = on.newEngine(null, -1);
        assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.2");
        assertThat(engine.getEnabledCipherSuites()).containsExactly("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        assertThat(engine.getNeedClientAuth()).isTrue();
        assertThat(on.ciphers()).hasSize(2);
        assertThat(ServerSettings.from(section("certfile", tls.certfile().toString(), "keyfile",
                tls.keyfile().toString(), "ca_certs", tls.caCerts().toString(), "cert_reqs", "optional"))
                .tls().orElseThrow().newEngine(null, -1).getWantClientAuth()).isTrue();
    }

    @Test
    void aMissingCertfileIsAnErrorNamingTheSettingAndTheFile() {
        Path missing = directory.resolve("nothing.pem");
        assertRefused("Error in file /srv/app.ini: line 2: [server:main] certfile = '" + missing
                + "': expected a readable PEM file; there is no file at " + missing,
                "certfile", missing.toString(), "keyfile", tls.keyfile().toString());
    }

    @Test
    void aCertfileWithoutACertificateIsRefused() {
        assertRefused("Error in file /srv/app.ini: line 2: [server:main] certfile = '" + tls.keyfile()
                + "': expected a PEM file of certificates (BEGIN CERTIFICATE); there is none in " + tls.keyfile(),
                "certfile", tls.keyfile().toString(), "keyfile", tls.keyfile().toString());
    }

    @Test
    void aDamagedCertificateIsRefused() throws Exception {
        Path damaged = Files.writeString(directory.resolve("damaged.pem"),
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertRefused("Error in file /srv/app.ini: line 2: [server:main] certfile = '" + damaged
                + "': expected a PEM file of certificates; " + damaged + " is not one (unexpected end-of-contents marker)",
                "certfile", damaged.toString(), "keyfile", tls.keyfile().toString());
    }

    @Test
    void aKeyThatDoesNotMatchTheCertificateIsRefused() {
        assertRefused("Error in file /srv/app.ini: line 3: [server:main] keyfile = '" + tls.ecKeyfile()
                + "': expected the private key of the certificate in certfile (" + tls.certfile() + "); the key in "
                + tls.ecKeyfile() + " does not match it",
                "certfile", tls.certfile().toString(), "keyfile", tls.ecKeyfile().toString());
    }

    @Test
    void anEncryptedKeyIsRefusedAsNotSupported() {
        assertRefused("Error in file /srv/app.ini: line 3: [server:main] keyfile = '" + tls.encryptedKeyfile()
                + "': expected an unencrypted private key; the key in " + tls.encryptedKeyfile()
                + " is encrypted, which is not supported",
                "certfile", tls.certfile().toString(), "keyfile", tls.encryptedKeyfile().toString());
    }

    @Test
    void aKeyfileWithoutAKeyIsRefused() {
        assertRefused("Error in file /srv/app.ini: line 3: [server:main] keyfile = '" + tls.caCerts()
                + "': expected a PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY); there is none in "
                + tls.caCerts(), "certfile", tls.certfile().toString(), "keyfile", tls.caCerts().toString());
    }

    @Test
    void anUnreadableCaCertsIsRefused() throws Exception {
        Path empty = Files.writeString(directory.resolve("empty.pem"), "");
        assertRefused("Error in file /srv/app.ini: line 4: [server:main] ca_certs = '" + empty
                + "': expected a PEM file of certificates (BEGIN CERTIFICATE); there is none in " + empty,
                "certfile", tls.certfile().toString(), "keyfile", tls.keyfile().toString(), "ca_certs", empty.toString(),
                "cert_reqs", "required");
    }

    @Test
    void unknownProtocolsCiphersAndCertReqsAreAllReportedAtOnce() {
        assertRefused("""
                Error in file /srv/app.ini: line 4: [server:main] cert_reqs = 'always': expected none, optional or required
                Error in file /srv/app.ini: line 5: [server:main] ssl_protocols = 'TLSv1.3 TLSv1.4': expected protocol \
                names this JDK supports, such as TLSv1.3 TLSv1.2
                Error in file /srv/app.ini: line 6: [server:main] ciphers = 'TLS_AES_128_GCM_SHA256:RC4-MD5': expected \
                cipher suite names this JDK supports, such as TLS_AES_128_GCM_SHA256""",
                "certfile", tls.certfile().toString(), "keyfile", tls.keyfile().toString(), "cert_reqs", "always",
                "ssl_protocols", "TLSv1.3 TLSv1.4", "ciphers", "TLS_AES_128_GCM_SHA256:RC4-MD5");
    }

    @Test
    void certfileNeedsKeyfileAndClientCertificatesNeedCaCerts() {
        assertRefused("Error in file /srv/app.ini: line 2: [server:main] certfile = '" + tls.certfile()
                + "': expected keyfile too: the private key of the certificate", "certfile", tls.certfile().toString());
        assertRefused("Error in file /srv/app.ini: line 4: [server:main] cert_reqs = 'optional': expected none unless "
                + "ca_certs names the certificates that sign client certificates",
                "certfile", tls.certfile().toString(), "keyfile", tls.keyfile().toString(), "cert_reqs", "optional");
    }

    @Test
    void tlsKeysWithoutCertfileAreRefused() {
        assertRefused("Error in file /srv/app.ini: line 2: [server:main] keyfile = 'k.pem': expected certfile too: "
                + "TLS is on only when certfile names a certificate", "keyfile", "k.pem");
    }

    @Test
    void theNamesOfTheTlsSettingsAreServerSettings() {
        assertThat(ServerSettings.NAMES).containsAll(TlsSettings.NAMES);
        assertThat(List.copyOf(TlsSettings.NAMES)).hasSize(6);
    }
}
