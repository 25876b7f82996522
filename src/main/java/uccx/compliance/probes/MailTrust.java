package uccx.compliance.probes;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import uccx.compliance.environment.MailEndpoint;

/** Which certificate a mail server may present when a probe speaks TLS to it. */
public sealed interface MailTrust permits MailTrust.JvmDefault, MailTrust.TrustStore, MailTrust.PinnedSha256 {

    /** The pin wins over a trust store, as for WinRM: it names the very certificate the admin exported. */
    static MailTrust of(MailEndpoint endpoint) {
        if (endpoint.certificateSha256().isPresent()) {
            return new PinnedSha256(endpoint.certificateSha256().get());
        }
        return endpoint.trustStore().<MailTrust>map(TrustStore::new).orElseGet(JvmDefault::new);
    }

    /** The JVM's trust anchors; the host name must match. */
    record JvmDefault() implements MailTrust {
    }

    /** The anchors in a PKCS12 or JKS file without a password; the host name must match. */
    record TrustStore(Path file) implements MailTrust {
        public TrustStore {
            Objects.requireNonNull(file, "file");
        }
    }

    /** Exactly the certificate with this SHA-256 (hex, colons and case ignored); the host name is not checked. */
    record PinnedSha256(String sha256) implements MailTrust {
        public PinnedSha256 {
            String hex = Objects.requireNonNull(sha256, "sha256").replaceAll("[:\\s]", "").toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("a SHA-256 certificate fingerprint has 64 hex digits");
            }
            sha256 = hex;
        }

        byte[] digest() {
            return HexFormat.of().parseHex(sha256);
        }
    }
}
