package uccx.compliance.probes;

import java.time.Duration;
import java.util.Objects;
import uccx.compliance.environment.ImapSecurity;
import uccx.compliance.environment.MailEndpoint;
import uccx.compliance.environment.Timeouts;
import uccx.compliance.tls.Trust;

/**
 * Where a live probe connects and how: one mail server port, its security, whom to trust, and
 * the bounds on every connect and every read.
 */
public record MailTarget(String host, int port, ImapSecurity security, Trust trust, Duration connectTimeout,
        Duration readTimeout) {

    public MailTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, found " + port);
        }
        if (connectTimeout.isZero() || connectTimeout.isNegative() || readTimeout.isZero() || readTimeout.isNegative()) {
            // Zero means "wait forever" to a socket: a probe must always be bounded.
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** An endpoint of the environment file; no security written means none, as the default port 143/25 does. */
    public static MailTarget of(MailEndpoint endpoint, Timeouts timeouts) {
        return new MailTarget(endpoint.host(), endpoint.port(), endpoint.security().orElse(ImapSecurity.NONE),
                trustOf(endpoint), timeouts.connect(), timeouts.read());
    }

    /** The same server with another trust, e.g. a lab's trust-all. */
    public MailTarget withTrust(Trust other) {
        return new MailTarget(host, port, security, other, connectTimeout, readTimeout);
    }

    /** For messages: {@code imap.example.com:143 (starttls)}. */
    public String describe() {
        return host + ":" + port + " (" + security.label() + ")";
    }

    /** The pin wins over a trust store, as for WinRM: it names the very certificate the admin exported. */
    private static Trust trustOf(MailEndpoint endpoint) {
        if (endpoint.certificateSha256().isPresent()) {
            return Trust.pinnedSha256(endpoint.certificateSha256().get());
        }
        return endpoint.trustStore().<Trust>map(Trust.TrustStore::new).orElseGet(Trust::jvmDefault);
    }
}
