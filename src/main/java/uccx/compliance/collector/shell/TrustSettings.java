package uccx.compliance.collector.shell;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Which HTTPS certificate a management endpoint may present. Every choice verifies: there is no
 * "trust all".
 */
public sealed interface TrustSettings permits TrustSettings.JvmDefault, TrustSettings.TrustStoreFile, TrustSettings.PinnedSha256 {

    /** The JVM's default trust anchors (its cacerts, or what the JVM was started with); the host name must match. */
    static TrustSettings jvmDefault() {
        return new JvmDefault();
    }

    /** The anchors in a PKCS12 or JKS file (the type is detected); the host name must match. */
    static TrustSettings trustStore(Path file, String password) {
        return new TrustStoreFile(file, password);
    }

    /** Exactly one certificate, named by the SHA-256 of its DER encoding. */
    static TrustSettings pinnedSha256(String fingerprint) {
        return new PinnedSha256(fingerprint);
    }

    record JvmDefault() implements TrustSettings {
    }

    /**
     * @param file     the trust store
     * @param password its password, or null when it has none; never printed
     */
    record TrustStoreFile(Path file, String password) implements TrustSettings {
        public TrustStoreFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String toString() {
            return "TrustStoreFile[file=" + file + ", password=" + (password == null ? "none" : "****") + "]";
        }
    }

    /**
     * The pin identifies the certificate itself, so the host name is not checked: a server
     * reached by IP address or alias can still be pinned.
     *
     * @param sha256 64 hex digits, in any case, optionally separated by colons or spaces; kept
     *               as lower-case pairs separated by colons
     */
    record PinnedSha256(String sha256) implements TrustSettings {
        public PinnedSha256 {
            Objects.requireNonNull(sha256, "sha256");
            String hex = sha256.replaceAll("[:\\s]", "").toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("a SHA-256 certificate fingerprint has 64 hex digits, got \"" + sha256 + "\"");
            }
            sha256 = HexFormat.ofDelimiter(":").formatHex(HexFormat.of().parseHex(hex));
        }

        byte[] digest() {
            return HexFormat.of().parseHex(sha256.replace(":", ""));
        }
    }
}
