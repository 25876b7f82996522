package uccx.compliance.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A site's signing PKI for tests, as a security team would issue it: a root CA, an issuing CA
 * under it, and a signing certificate (the profile README, Signed evidence, documents: keyUsage
 * digitalSignature, extendedKeyUsage emailProtection), written as the PKCS12 file Jenkins'
 * certificate credential holds. JDK providers only: registering Bouncy Castle's would change
 * JVM-wide state.
 */
public final class SigningPki {

    /** A key and its certificate. */
    public record Issued(PrivateKey key, X509Certificate certificate) {
    }

    private final Issued root;
    private final Issued issuing;

    private SigningPki(Issued root, Issued issuing) {
        this.root = root;
        this.issuing = issuing;
    }

    public static SigningPki create() {
        return create(Optional.empty());
    }

    /** @param issuingPurpose an extendedKeyUsage that limits the issuing CA, as some enterprise CAs are limited */
    public static SigningPki create(Optional<KeyPurposeId> issuingPurpose) {
        KeyPair rootKeys = keys("RSA");
        Issued root = new Issued(rootKeys.getPrivate(), ca("CN=UCCX Test Root CA", rootKeys, "CN=UCCX Test Root CA", rootKeys.getPrivate(), null,
                Optional.empty()));
        KeyPair issuingKeys = keys("RSA");
        Issued issuing = new Issued(issuingKeys.getPrivate(), ca("CN=UCCX Test Issuing CA", issuingKeys, "CN=UCCX Test Root CA",
                root.key(), root.certificate(), issuingPurpose));
        return new SigningPki(root, issuing);
    }

    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    /** The signing certificate of README's profile, an RSA key, valid from an hour ago for thirty days. */
    public Issued signer(String commonName) {
        return signer(commonName, "RSA", Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(30)),
                Optional.of(KeyPurposeId.id_kp_emailProtection), KeyUsage.digitalSignature);
    }

    /**
     * @param algorithm RSA, EC or DSA
     * @param purpose   the extendedKeyUsage, or none
     * @param keyUsage  BC's KeyUsage bits
     */
    public Issued signer(String commonName, String algorithm, Instant notBefore, Instant notAfter, Optional<KeyPurposeId> purpose,
            int keyUsage) {
        try {
            KeyPair keys = keys(algorithm);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuing.certificate(), serial(), Date.from(notBefore),
                    Date.from(notAfter), new X500Name("CN=" + commonName), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuing.certificate()))
                    .addExtension(Extension.subjectKeyIdentifier, false, new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            if (purpose.isPresent()) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose.get()));
            }
            return new Issued(keys.getPrivate(), new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuing.key()))));
        } catch (Exception e) {
            throw new IllegalStateException("could not issue " + commonName, e);
        }
    }

    /** The chain of a signer: itself, the issuing CA, the root. */
    public List<X509Certificate> chainOf(Issued signer) {
        return List.of(signer.certificate(), issuing.certificate(), root.certificate());
    }

    /** A PKCS12 file with these key entries (alias, signer), each with its chain, under one password. */
    public Path pkcs12(Path file, String password, List<Entry> entries) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (Entry entry : entries) {
                if (entry.signer().key() == null) {
                    store.setCertificateEntry(entry.alias(), entry.signer().certificate());
                } else {
                    store.setKeyEntry(entry.alias(), entry.signer().key(), password.toCharArray(),
                            chainOf(entry.signer()).toArray(new Certificate[0]));
                }
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not write " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry of a PKCS12 file; a signer without a key is a certificate entry. */
    public record Entry(String alias, Issued signer) {
    }

    /** The root certificate as the PEM file a consumer passes to {@code openssl cms -verify -CAfile}. */
    public Path rootPem(Path file) {
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(root.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509Certificate ca(String subject, KeyPair keys, String issuer, PrivateKey issuerKey, X509Certificate issuerCertificate,
            Optional<KeyPurposeId> purpose) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), serial(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), new X500Name(subject), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            if (purpose.isPresent()) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose.get()));
            }
            if (issuerCertificate != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuerCertificate));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException("could not make " + subject, e);
        }
    }

    private static KeyPair keys(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(switch (algorithm) {
                case "EC" -> 256;
                case "DSA" -> 2048;
                default -> 2048;
            });
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
    }
}
