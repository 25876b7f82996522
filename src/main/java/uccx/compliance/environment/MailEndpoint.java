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
 * @param acceptCleartext   the site's acceptance of logging in without TLS (imap only; the loader refuses
 *                          {@code security: none} outside the lab without it)
 */
public record MailEndpoint(String host, int port, Optional<ImapSecurity> security, Optional<Path> trustStore,
        Optional<String> certificateSha256, Optional<CleartextAcceptance> acceptCleartext) {

    public MailEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(certificateSha256, "certificateSha256");
        Objects.requireNonNull(acceptCleartext, "acceptCleartext");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, found " + port);
        }
    }

    /**
     * What an IMAP endpoint without TLS exposes: the probes log in with IMAP LOGIN, whose password is
     * plain text on the wire (RFC 3501, 6.2.3 and 11.2 "Security Considerations"), so anyone on the
     * path reads the UCCX account's password.
     */
    static final String IMAP_CLEARTEXT = "imap.security none (written, or left out: the probes then use none) sends the UCCX"
            + " account's password to the IMAP server in clear text (IMAP LOGIN without TLS), where anyone on the path can read it";

    /** Whether the probes talk to it without TLS: {@code security: none}, written or left to the default. */
    public boolean isCleartext() {
        return security.orElse(ImapSecurity.NONE) == ImapSecurity.NONE;
    }
}
