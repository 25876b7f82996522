package uccx.compliance.environment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Opens the PKCS12 file of {@code evidence.signing} and refuses, in one sentence naming the key to
 * fix, a key whose signature a consumer's {@code openssl cms -verify} would not accept. Every
 * sentence names the file as the environment file does ({@link EvidenceSigning#shownAs()}) and
 * never the password.
 */
public final class SigningKeys {

    /** RSA and EC: what every CMS verifier takes (RFC 5754); DSA is withdrawn for signing (FIPS 186-5), EdDSA (RFC 8419) is not yet everywhere. */
    private static final Set<String> ALGORITHMS = Set.of("RSA", "EC");

    /** id-kp-emailProtection (RFC 5280 4.2.1.12): the purpose OpenSSL checks for a CMS signer by default. */
    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";

    /** The key purposes of RFC 5280 4.2.1.12 a certificate is most often issued with, by name. */
    private static final java.util.Map<String, String> PURPOSES = java.util.Map.of("1.3.6.1.5.5.7.3.1", "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth", "1.3.6.1.5.5.7.3.3", "codeSigning", "1.3.6.1.5.5.7.3.8", "timeStamping",
            "2.5.29.37.0", "anyExtendedKeyUsage");

    private static final String NOT_PKCS12 = " (a PEM key and certificate become one with openssl pkcs12 -export -inkey key.pem -in cert.pem -certfile chain.pem)";

    private SigningKeys() {
    }

    /** Why a signing key cannot be used, and which key of {@code evidence.signing} to fix. */
    public static final class Refused extends Exception {

        private final String key;

        Refused(String key, String message) {
            super(message, null, false, false);
            this.key = key;
        }

        /** {@code keyStore}, {@code keyStorePassword} or {@code alias}. */
        public String key() {
            return key;
        }

        /** One line for a run that found its key refused after validation: {@code evidence.signing.<key>: <why>}. */
        public String line() {
            return "evidence.signing." + key + ": " + getMessage();
        }
    }

    /**
     * @param now the moment the certificate must be valid at: a signature whose certificate has
     *            expired (or is not yet valid) fails {@code openssl cms -verify}, which checks validity now
     */
    public static SigningKey open(EvidenceSigning signing, Instant now) throws Refused {
        String file = signing.shownAs();
        if (!Files.isRegularFile(signing.keyStore())) {
            throw new Refused("keyStore", file.startsWith("${") ? file + " names no file (the variable's value is not shown here)"
                    : "no such file: " + file);
        }
        char[] password = signing.password().reveal().toCharArray();
        KeyStore store = load(signing, file, password);
        List<String> keys = keyEntries(store, file);
        String alias = chosen(signing.alias(), keys, file);
        PrivateKey key = key(store, alias, password, file);
        List<X509Certificate> chain = chain(store, alias, file);
        X509Certificate certificate = chain.get(0);
        String which = "the key \"" + alias + "\" of " + file;
        if (!ALGORITHMS.contains(key.getAlgorithm())) {
            throw new Refused("keyStore", which + " is " + key.getAlgorithm() + ": sign with an RSA or EC key, which every CMS verifier takes");
        }
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new Refused("keyStore", which + ": its certificate (" + certificate.getSubjectX500Principal().getName() + ") expired on "
                    + certificate.getNotAfter().toInstant() + "; a signature made with it fails openssl cms -verify: renew it");
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new Refused("keyStore", which + ": its certificate (" + certificate.getSubjectX500Principal().getName()
                    + ") is valid only from " + certificate.getNotBefore().toInstant());
        }
        purpose(certificate, which);
        for (X509Certificate ca : chain.subList(1, chain.size())) {
            // OpenSSL checks the purpose of every CA certificate of the path too (purpose_smime)
            caPurpose(ca, which);
        }
        return new SigningKey(alias, key, chain);
    }

    private static KeyStore load(EvidenceSigning signing, String file, char[] password) throws Refused {
        try (InputStream in = Files.newInputStream(signing.keyStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            // PKCS12KeyStore.engineLoad wraps a failed MAC or decryption with the password as an UnrecoverableKeyException
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new Refused("keyStorePassword", signing.password().source() + " does not open " + file
                        + ": wrong password (or the file is damaged)");
            }
            throw new Refused("keyStore", file + " is not a PKCS12 file that can be read" + NOT_PKCS12);
        } catch (GeneralSecurityException e) {
            throw new Refused("keyStore", file + " is not a PKCS12 file that can be read" + NOT_PKCS12);
        }
    }

    private static List<String> keyEntries(KeyStore store, String file) throws Refused {
        try {
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            keys.sort(null);
            return keys;
        } catch (GeneralSecurityException e) {
            throw new Refused("keyStore", file + " cannot be listed");
        }
    }

    private static String chosen(Optional<String> alias, List<String> keys, String file) throws Refused {
        if (keys.isEmpty()) {
            throw new Refused("keyStore", file + " holds no private key, only certificates: export the signing certificate"
                    + " together with its key (openssl pkcs12 -export -inkey ...)");
        }
        if (alias.isPresent()) {
            if (!keys.contains(alias.get())) {
                throw new Refused("alias", "no private key \"" + alias.get() + "\" in " + file + "; its keys: " + String.join(", ", keys));
            }
            return alias.get();
        }
        if (keys.size() > 1) {
            throw new Refused("keyStore", file + " holds " + keys.size() + " private keys (" + String.join(", ", keys)
                    + "): name the one that signs with evidence.signing.alias");
        }
        return keys.get(0);
    }

    private static PrivateKey key(KeyStore store, String alias, char[] password, String file) throws Refused {
        try {
            return (PrivateKey) store.getKey(alias, password);
        } catch (UnrecoverableKeyException e) {
            throw new Refused("keyStorePassword", "the key \"" + alias + "\" of " + file + " has a password of its own; give it the"
                    + " file's password (a Jenkins certificate credential has one password for both)");
        } catch (GeneralSecurityException e) {
            throw new Refused("keyStore", "the key \"" + alias + "\" of " + file + " cannot be read");
        }
    }

    private static List<X509Certificate> chain(KeyStore store, String alias, String file) throws Refused {
        try {
            Certificate[] certificates = store.getCertificateChain(alias);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certificates == null ? new Certificate[0] : certificates) {
                if (c instanceof X509Certificate x) {
                    chain.add(x);
                }
            }
            if (chain.isEmpty()) {
                throw new Refused("keyStore", "the key \"" + alias + "\" of " + file + " has no X.509 certificate");
            }
            return chain;
        } catch (GeneralSecurityException e) {
            throw new Refused("keyStore", "the certificate of \"" + alias + "\" in " + file + " cannot be read");
        }
    }

    /**
     * What {@code openssl cms -verify} accepts by default: OpenSSL checks the S/MIME signing purpose
     * (crypto/x509/v3_purp.c, check_purpose_smime_sign): a keyUsage, when present, with
     * digitalSignature or nonRepudiation, and an extendedKeyUsage, when present, with
     * emailProtection. Otherwise it fails with "unsuitable certificate purpose".
     */
    private static void purpose(X509Certificate certificate, String which) throws Refused {
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !(usage[0] || usage.length > 1 && usage[1])) {
            throw new Refused("keyStore", which + ": its certificate's keyUsage has neither digitalSignature nor nonRepudiation;"
                    + " openssl cms -verify refuses it (unsuitable certificate purpose)");
        }
        try {
            List<String> extended = certificate.getExtendedKeyUsage();
            if (extended != null && !extended.contains(EMAIL_PROTECTION)) {
                throw new Refused("keyStore", which + ": its certificate's extendedKeyUsage (" + String.join(", ",
                        extended.stream().map(oid -> PURPOSES.getOrDefault(oid, oid)).toList())
                        + ") lacks emailProtection (" + EMAIL_PROTECTION + "); openssl cms -verify refuses it (unsuitable certificate"
                        + " purpose): issue it with emailProtection, or without extendedKeyUsage");
            }
        } catch (CertificateParsingException e) {
            throw new Refused("keyStore", which + ": its certificate's extendedKeyUsage cannot be read");
        }
    }

    private static void caPurpose(X509Certificate ca, String which) throws Refused {
        try {
            List<String> extended = ca.getExtendedKeyUsage();
            if (extended != null && !extended.contains(EMAIL_PROTECTION)) {
                throw new Refused("keyStore", which + ": the CA certificate " + ca.getSubjectX500Principal().getName()
                        + " in its chain limits its extendedKeyUsage to " + String.join(", ", extended.stream()
                        .map(oid -> PURPOSES.getOrDefault(oid, oid)).toList()) + ", without emailProtection; openssl cms -verify"
                        + " refuses the path (unsuitable certificate purpose)");
            }
        } catch (CertificateParsingException e) {
            throw new Refused("keyStore", which + ": the extendedKeyUsage of a CA certificate in its chain cannot be read");
        }
    }
}
