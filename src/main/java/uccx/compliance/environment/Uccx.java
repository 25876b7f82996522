package uccx.compliance.environment;

import java.util.Objects;
import java.util.Optional;

/**
 * The UCCX email side.
 *
 * @param mailbox  the UCCX mailbox's primary SMTP address
 * @param account  the account UCCX and every agent desktop log in with (DOMAIN&#92;user or a UPN)
 * @param password that account's password; empty only in a lab environment
 * @param agents   licensed email agents, at least 1
 * @param serverAddress the UCCX server's IPv4 address as Exchange sees it connect ({@code uccx.serverAddress}); empty when
 *                 not given, and SMTP-02 is then not applicable
 * @param passwordWarningDays MBX-01: how many days before the account's password expires the run already calls it
 *                 non-compliant ({@code uccx.passwordWarningDays}, default {@value #DEFAULT_PASSWORD_WARNING_DAYS})
 */
public record Uccx(String mailbox, String account, Optional<Secret> password, int agents, Optional<String> serverAddress,
                   int passwordWarningDays) {

    /** {@code uccx.passwordWarningDays} when the environment file leaves it out. */
    public static final int DEFAULT_PASSWORD_WARNING_DAYS = 14;

    private static final java.util.regex.Pattern IPV4 =
            java.util.regex.Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    public Uccx {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(serverAddress, "serverAddress");
        if (agents < 1) {
            throw new IllegalArgumentException("agents must be at least 1, found " + agents);
        }
        if (passwordWarningDays < 0) {
            throw new IllegalArgumentException("passwordWarningDays must be at least 0, found " + passwordWarningDays);
        }
        serverAddress.ifPresent(a -> {
            if (!IPV4.matcher(a).matches()) {
                throw new IllegalArgumentException("serverAddress must be an IPv4 address such as 10.1.2.3, found " + a);
            }
        });
    }

    /** Without the UCCX server's address, with the default warning period. */
    public Uccx(String mailbox, String account, Optional<Secret> password, int agents) {
        this(mailbox, account, password, agents, Optional.empty(), DEFAULT_PASSWORD_WARNING_DAYS);
    }

    /** The UCCX server and every agent desktop each hold two IMAP connections with this one account. */
    public int imapConnectionsNeeded() {
        return imapConnectionsNeeded(agents);
    }

    /**
     * The derived need, 2 x (agents + 1), the one place it is computed: each IMAP connection of
     * the shared account is also a store service session, so IMAP-01, IMAP-02 and LIVE-02 all need it.
     */
    public static int imapConnectionsNeeded(int agents) {
        return Math.multiplyExact(2, agents + 1);
    }
}
