package uccx.compliance.environment;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A server a live probe connects to (the {@code imap:} or {@code smtp:} section).
 *
 * @param port              as written, or 143/993 (IMAP) and 25/465 (SMTP) for plain/ssl when left out
 * @param security          as written; empty when the file leaves it to the probe
 * @param certificateSha256 lower-case hex without colons
 */
public record MailEndpoint(String host, int port, Optional<ImapSecurity> security, Optional<Path> trustStore,
        Optional<String> certificateSha256) {

    public MailEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(certificateSha256, "certificateSha256");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, found " + port);
        }
    }
}
