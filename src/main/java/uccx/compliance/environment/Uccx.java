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
 */
public record Uccx(String mailbox, String account, Optional<Secret> password, int agents) {

    public Uccx {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(password, "password");
        if (agents < 1) {
            throw new IllegalArgumentException("agents must be at least 1, found " + agents);
        }
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
