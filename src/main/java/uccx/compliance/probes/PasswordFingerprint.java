package uccx.compliance.probes;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A refused password as the suite keeps it between runs: PBKDF2-HMAC-SHA256 of the account and the
 * password with a random salt of its own. Never the secret, nor a fast hash of it: the file lies in
 * the Jenkins workspace and in archived reports, and a salted, slow hash is what keeps a reader of
 * it from testing guesses against it (a plain SHA-256 of a typical password falls to a dictionary
 * in seconds; the salt stops precomputed tables and shows nothing when two sites share a password).
 * The iteration count follows OWASP's Password Storage Cheat Sheet for PBKDF2-HMAC-SHA256 (600,000)
 * and is kept with each entry, so that it can be raised without losing older entries.
 *
 * @param salt       16 random bytes, base64
 * @param hash       the derived 256-bit key, base64
 * @param iterations PBKDF2's iteration count
 */
public record PasswordFingerprint(String salt, String hash, int iterations) {

    public static final int ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    public PasswordFingerprint {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1");
        }
    }

    /** A fresh fingerprint, with a new random salt. */
    public static PasswordFingerprint of(UccxCredentials credentials) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new PasswordFingerprint(Base64.getEncoder().encodeToString(salt),
                Base64.getEncoder().encodeToString(derive(credentials, salt, ITERATIONS)), ITERATIONS);
    }

    /** Whether these credentials are the ones fingerprinted; compared in constant time. */
    public boolean matches(UccxCredentials credentials) {
        byte[] expected = Base64.getDecoder().decode(hash);
        return MessageDigest.isEqual(expected, derive(credentials, Base64.getDecoder().decode(salt), iterations));
    }

    private static byte[] derive(UccxCredentials credentials, byte[] salt, int iterations) {
        // The account is part of what is hashed: the same password of another account is another fingerprint.
        char[] material = (credentials.account().toLowerCase(Locale.ROOT) + "\0" + credentials.password().reveal()).toCharArray();
        PBEKeySpec spec = new PBEKeySpec(material, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
            java.util.Arrays.fill(material, '\0');
        }
    }

    @Override
    public String toString() {
        return "PasswordFingerprint[PBKDF2-HMAC-SHA256, " + iterations + " iterations]";
    }

}
