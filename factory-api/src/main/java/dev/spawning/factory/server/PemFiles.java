package dev.spawning.factory.server;

import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the PEM files of {@link TlsSettings} into an {@link SSLContext}: the certificate chain
 * (leaf first), its private key (PKCS#8 {@code PRIVATE KEY}, PKCS#1 {@code RSA PRIVATE KEY} or
 * SEC1 {@code EC PRIVATE KEY}, read with BouncyCastle's PEM parser, since the JDK reads none but
 * the first) and the certificates that sign client certificates. Each failure is an error naming
 * the setting and the file. The JDK's own providers do the cryptography. Stateless.
 */
final class PemFiles {

    private static final char[] NO_PASSWORD = new char[0];

    private PemFiles() {
    }

    static SSLContext context(Settings local, Path certfile, Path keyfile, Optional<Path> caCerts) {
        List<X509Certificate> chain = certificates(local, "certfile", certfile);
        PrivateKey key = privateKey(local, keyfile);
        if (!matches(key, chain.getFirst().getPublicKey())) {
            throw local.invalid("keyfile", "the private key of the certificate in certfile (" + certfile
                    + "); the key in " + keyfile + " does not match it");
        }
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, NO_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), caCerts.isEmpty() ? null : trust(local, caCerts.get()), null);
            return context;
        } catch (GeneralSecurityException | IOException failed) {
            throw new FactoryException("Cannot make a TLS context of " + certfile + " and " + keyfile + ": " + failed,
                    failed);
        }
    }

    private static javax.net.ssl.TrustManager[] trust(Settings local, Path caCerts)
            throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        int i = 0;
        for (X509Certificate ca : certificates(local, "ca_certs", caCerts)) {
            trusted.setCertificateEntry("ca-" + i++, ca);
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        return trustManagers.getTrustManagers();
    }

    /** Every certificate of the PEM file, in file order; other blocks (a key) are skipped. */
    private static List<X509Certificate> certificates(Settings local, String key, Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser pem = parser(local, key, file)) {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (Object block = pem.readObject(); block != null; block = pem.readObject()) {
                if (block instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException bad) {
            if (bad instanceof FactoryException named) {
                throw named;
            }
            throw local.invalid(key, "a PEM file of certificates; " + file + " is not one (" + rootMessage(bad) + ")");
        }
        if (certificates.isEmpty()) {
            throw local.invalid(key, "a PEM file of certificates (BEGIN CERTIFICATE); there is none in " + file);
        }
        return certificates;
    }

    /** The first private key of the PEM file. */
    private static PrivateKey privateKey(Settings local, Path file) {
        String expected = "a PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)";
        try (PEMParser pem = parser(local, "keyfile", file)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object block = pem.readObject(); block != null; block = pem.readObject()) {
                switch (block) {
                    case PEMKeyPair pair -> {
                        return converter.getPrivateKey(pair.getPrivateKeyInfo());
                    }
                    case PrivateKeyInfo info -> {
                        return converter.getPrivateKey(info);
                    }
                    case PEMEncryptedKeyPair encrypted -> throw encrypted(local, file);
                    case PKCS8EncryptedPrivateKeyInfo encrypted -> throw encrypted(local, file);
                    default -> {
                        // a certificate beside the key: skipped
                    }
                }
            }
        } catch (IOException | RuntimeException bad) {
            if (bad instanceof FactoryException named) {
                throw named;
            }
            throw local.invalid("keyfile", expected + "; " + file + " is not one (" + rootMessage(bad) + ")");
        }
        throw local.invalid("keyfile", expected + "; there is none in " + file);
    }

    /** The message of the innermost cause: the parser's wrappers add only their own names. */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static FactoryException encrypted(Settings local, Path file) {
        return local.invalid("keyfile", "an unencrypted private key; the key in " + file
                + " is encrypted, which is not supported");
    }

    private static PEMParser parser(Settings local, String key, Path file) {
        try {
            Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
            return new PEMParser(reader);
        } catch (NoSuchFileException missing) {
            throw local.invalid(key, "a readable PEM file; there is no file at " + file.toAbsolutePath());
        } catch (IOException unreadable) {
            throw local.invalid(key, "a readable PEM file; " + file.toAbsolutePath() + " cannot be read ("
                    + unreadable.getClass().getSimpleName() + ")");
        }
    }

    /** Whether {@code key} signs what {@code publicKey} verifies: the two halves of one key pair. */
    private static boolean matches(PrivateKey key, PublicKey publicKey) {
        if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "RSASSA-PSS" -> "RSASSA-PSS";
            default -> key.getAlgorithm();
        };
        try {
            byte[] probe = "spawning key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException unknown) {
            // A key type this check cannot sign with: the handshake is left to find a mismatch.
            return true;
        }
    }
}
