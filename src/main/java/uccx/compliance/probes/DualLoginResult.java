package uccx.compliance.probes;

/**
 * What LIVE-01 found when two sessions logged in as one agent desktop does.
 *
 * @param serverText the server's refusal as it wrote it (e.g. {@code NO AUTHENTICATE failed.}), or empty
 * @param detail     one sentence for the report
 * @param transcript both sessions' protocol trace, without the password or any login payload
 */
public record DualLoginResult(Outcome outcome, String serverText, String detail, String transcript) {

    public enum Outcome {
        /** Both sessions logged in, examined INBOX and logged out. */
        BOTH_LOGGED_IN,
        /** The first login was refused: the password (or account) is wrong, and is not used again in this run. */
        CREDENTIALS_REJECTED,
        /** The first login worked, the second was refused: MaxConnectionsPerUser or throttling (IMAP-01, THR-02). */
        PER_USER_LIMIT,
        /** {@code Server Unavailable. 15}: the store's service-session limit (IMAP-02). */
        STORE_SESSION_LIMIT,
        /** An earlier run saw this password refused; nothing was sent until it changes. */
        REFUSED_IN_EARLIER_RUN,
        /** This run already saw these credentials refused (or unanswered), or the memory of refusals was unreadable; nothing was sent. */
        SKIPPED_PASSWORD_ALREADY_FAILED,
        /** No answer to judge: unreachable, timed out, TLS refused, EXAMINE failed. */
        COULD_NOT_VERIFY
    }

    static DualLoginResult notSent(CredentialGuard.Withheld withheld) {
        Outcome outcome = withheld.reason() == CredentialGuard.Reason.REFUSED_IN_EARLIER_RUN ? Outcome.REFUSED_IN_EARLIER_RUN
                : Outcome.SKIPPED_PASSWORD_ALREADY_FAILED;
        return new DualLoginResult(outcome, "", "not attempted: " + withheld.detail(), "");
    }
}
