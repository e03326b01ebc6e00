package dev.spawning.factory.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Certificates made when a test runs, never committed: a CA, a server certificate for
 * {@code 127.0.0.1} and {@code localhost} signed by it, a client certificate
 * ({@value #CLIENT_SUBJECT}), and their keys written as PEM files in a directory, the server's
 * key three ways (PKCS#8, PKCS#1 RSA, and an EC server certificate with a SEC1 key). Clients
 * trusting the CA come from {@link #client()} and {@link #clientWithCertificate()}.
 *
 * <pre>{@code
 * TestTls tls = TestTls.create(tempDir);
 * servers.start(app, "certfile", tls.certfile().toString(), "keyfile", tls.keyfile().toString());
 * RawHttp.connect(server, tls.client());
 * }</pre>
 */
public final class TestTls {

    /** The subject of {@link #clientWithCertificate()}'s certificate. */
    public static final String CLIENT_SUBJECT = "CN=test client,O=Spawning tests";

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final Path directory;
    private final X509Certificate ca;
    private final KeyPair clientKeys;
    private final X509Certificate clientCertificate;

    private TestTls(Path directory, X509Certificate ca, KeyPair clientKeys, X509Certificate clientCertificate) {
        this.directory = directory;
        this.ca = ca;
        this.clientKeys = clientKeys;
        this.clientCertificate = clientCertificate;
    }

    /** Makes the CA, the certificates and their keys, and writes them into {@code directory}. */
    public static TestTls create(Path directory) {
        return create(directory, "test server");
    }

    /**
     * As {@link #create(Path)}, with {@code serverName} as the server certificate's common name, so
     * that a test can tell two generations apart.
     */
    public static TestTls create(Path directory, String serverName) {
        try {
            Files.createDirectories(directory);
            KeyPair caKeys = keys("RSA");
            X509Certificate ca = certificate("CN=Spawning test CA", caKeys, "CN=Spawning test CA", caKeys.getPrivate(),
                    true);
            KeyPair rsa = keys("RSA");
            X509Certificate server = certificate("CN=" + serverName, rsa, "CN=Spawning test CA", caKeys.getPrivate(), false);
            KeyPair ec = keys("EC");
            X509Certificate ecServer = certificate("CN=" + serverName, ec, "CN=Spawning test CA", caKeys.getPrivate(),
                    false);
            KeyPair clientKeys = keys("EC");
            X509Certificate client = certificate(CLIENT_SUBJECT, clientKeys, "CN=Spawning test CA", caKeys.getPrivate(),
                    false);
            write(directory.resolve("ca.pem"), pem(ca));
            write(directory.resolve("server.pem"), pem(server) + pem(ca));
            write(directory.resolve("server-key.pem"), pkcs8(rsa.getPrivate()));
            write(directory.resolve("server-key-rsa.pem"), pem(rsa.getPrivate()));
            write(directory.resolve("server-ec.pem"), pem(ecServer));
            write(directory.resolve("server-ec-key.pem"), sec1(ec.getPrivate()));
            write(directory.resolve("client-key.pem"), pkcs8(clientKeys.getPrivate()));
            write(directory.resolve("client.pem"), pem(client));
            write(directory.resolve("encrypted-key.pem"), encryptedRsaKey());
            return new TestTls(directory, ca, clientKeys, client);
        } catch (GeneralSecurityException | OperatorCreationException failed) {
            throw new IllegalStateException("Cannot make test certificates: " + failed, failed);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** {@return the server's chain (its certificate, then the CA's), {@code server.pem}} */
    public Path certfile() {
        return directory.resolve("server.pem");
    }

    /** {@return the server's RSA key as PKCS#8 ({@code PRIVATE KEY})} */
    public Path keyfile() {
        return directory.resolve("server-key.pem");
    }

    /** {@return the same key as PKCS#1 ({@code RSA PRIVATE KEY})} */
    public Path rsaKeyfile() {
        return directory.resolve("server-key-rsa.pem");
    }

    /** {@return an EC server certificate, whose key {@link #ecKeyfile()} is} */
    public Path ecCertfile() {
        return directory.resolve("server-ec.pem");
    }

    /** {@return the EC server key as SEC1 ({@code EC PRIVATE KEY})} */
    public Path ecKeyfile() {
        return directory.resolve("server-ec-key.pem");
    }

    /** {@return a PKCS#1 key in OpenSSL's encrypted form ({@code Proc-Type: 4,ENCRYPTED})} */
    public Path encryptedKeyfile() {
        return directory.resolve("encrypted-key.pem");
    }

    /** {@return the CA's certificate, {@code ca.pem}: it signs the server's and the client's} */
    public Path caCerts() {
        return directory.resolve("ca.pem");
    }

    /** {@return the client's certificate, {@code client.pem}} */
    public Path clientCertfile() {
        return directory.resolve("client.pem");
    }

    /** {@return the settings of a TLS server: {@code certfile} and {@code keyfile}} */
    public String[] serverSettings() {
        return new String[] {"certfile", certfile().toString(), "keyfile", keyfile().toString()};
    }

    /** {@return a client context that trusts the CA and has no certificate of its own} */
    public SSLContext client() {
        return context(null);
    }

    /** {@return a client context that trusts the CA and presents the client certificate} */
    public SSLContext clientWithCertificate() {
        return context(clientKeys.getPrivate());
    }

    private SSLContext context(PrivateKey clientKey) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", ca);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            KeyStore own = KeyStore.getInstance("PKCS12");
            own.load(null, null);
            if (clientKey != null) {
                own.setKeyEntry("client", clientKey, new char[0], new X509Certificate[] {clientCertificate, ca});
            }
            keys.init(own, new char[0]);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException failed) {
            throw new IllegalStateException("Cannot make a test client context: " + failed, failed);
        }
    }

    private static KeyPair keys(String algorithm) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair keys, String issuer, PrivateKey issuerKey,
            boolean authority) throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Principal(issuer),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(2))), new X500Principal(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        if (authority) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        }
        String signature = issuerKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder(signature).build(issuerKey)));
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(new JcaMiscPEMGenerator(object));
        }
        return text.toString();
    }

    private static String pkcs8(PrivateKey key) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(new JcaPKCS8Generator(key, null));
        }
        return text.toString();
    }

    /** OpenSSL's {@code EC PRIVATE KEY}, with the curve inside, as {@code openssl ec} writes it. */
    private static String sec1(PrivateKey key) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        ECPrivateKey full = new ECPrivateKey(256, inner.getKey(), inner.getPublicKey(),
                info.getPrivateKeyAlgorithm().getParameters());
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject("EC PRIVATE KEY", full.getEncoded()));
        }
        return text.toString();
    }

    /** The parser sees the headers and stops: the bytes need not be a real ciphertext. */
    private static String encryptedRsaKey() {
        byte[] bytes = new byte[256];
        new SecureRandom().nextBytes(bytes);
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(iv);
        return "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,"
                + HexFormat.of().withUpperCase().formatHex(iv) + "\n\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(bytes)
                + "\n-----END RSA PRIVATE KEY-----\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
