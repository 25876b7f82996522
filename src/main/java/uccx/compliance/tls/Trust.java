package uccx.compliance.tls;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Which certificate a server may present, for WinRM over HTTPS and for the mail probes alike.
 * Every choice verifies: there is no "trust all".
 */
public sealed interface Trust permits Trust.JvmDefault, Trust.TrustStore, Trust.PinnedSha256 {

    /** The JVM's default trust anchors (its cacerts, or what the JVM was started with); the host name must match. */
    static Trust jvmDefault() {
        return new JvmDefault();
    }

    /** The anchors in a PKCS12 or JKS file (the type is detected); the host name must match. */
    static Trust trustStore(Path file, String password) {
        return new TrustStore(file, password);
    }

    /** Exactly one certificate, named by the SHA-256 of its DER encoding. */
    static Trust pinnedSha256(String fingerprint) {
        return new PinnedSha256(fingerprint);
    }

    record JvmDefault() implements Trust {
    }

    /**
     * @param file     the trust store
     * @param password its password, or null when it has none; never printed
     */
    record TrustStore(Path file, String password) implements Trust {
        public TrustStore {
            Objects.requireNonNull(file, "file");
        }

        /** A trust store without a password, as a mail endpoint's {@code trustStore} is. */
        public TrustStore(Path file) {
            this(file, null);
        }

        @Override
        public String toString() {
            return "TrustStore[file=" + file + ", password=" + (password == null ? "none" : "****") + "]";
        }
    }

    /**
     * The pin identifies the certificate itself, so the host name is not checked: a server
     * reached by IP address or alias can still be pinned.
     *
     * @param sha256 64 hex digits, in any case, optionally separated by colons or spaces; kept
     *               as lower-case pairs separated by colons
     */
    record PinnedSha256(String sha256) implements Trust {
        public PinnedSha256 {
            Objects.requireNonNull(sha256, "sha256");
            String hex = sha256.replaceAll("[:\\s]", "").toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("a SHA-256 certificate fingerprint has 64 hex digits, got \"" + sha256 + "\"");
            }
            sha256 = HexFormat.ofDelimiter(":").formatHex(HexFormat.of().parseHex(hex));
        }

        public byte[] digest() {
            return HexFormat.of().parseHex(sha256.replace(":", ""));
        }
    }
}
