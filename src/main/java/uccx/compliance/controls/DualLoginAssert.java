package uccx.compliance.controls;

import java.util.Optional;
import uccx.compliance.probes.DualLoginResult;

/**
 * LIVE-01: what one agent desktop does, two concurrent logins with the UCCX account. A refusal is
 * told apart by what Exchange answered, and explained with the settings this run collected.
 */
public class DualLoginAssert extends DomainAssert<DualLoginAssert, DualLoginResult> {

    private static final String EXPECTED = "both sessions logged in and opened INBOX read-only";

    public DualLoginAssert(DualLoginResult actual) {
        super(actual, DualLoginAssert.class);
    }

    public DualLoginAssert logsInTwiceAs(String account, CollectedLimits collected) {
        isNotNull();
        return switch (actual.outcome()) {
            case BOTH_LOGGED_IN -> complies("two concurrent IMAP logins of " + account, EXPECTED, actual.detail());
            case CREDENTIALS_REJECTED -> throw new SettingViolation("first IMAP login of " + account, EXPECTED, "refused ("
                    + actual.serverText() + "): " + whyRefused(collected) + "; this password is not tried again in this "
                    + "run, so that Active Directory does not lock the account", Optional.empty());
            case PER_USER_LIMIT -> throw new SettingViolation("second concurrent IMAP login", EXPECTED, "the first login was accepted "
                    + "and the second refused with '" + actual.serverText() + "': the password is right and a per-user limit is hit; "
                    + "it is governed by IMAP-01 MaxConnectionsPerUser" + collected.perUser() + " and THR-02 IMAPMaxConcurrency"
                    + collected.concurrency(), Optional.empty());
            case STORE_SESSION_LIMIT -> throw new SettingViolation("IMAP login", EXPECTED, "'" + actual.serverText() + "': the Mailbox "
                    + "server's store refused another service session for this user; see IMAP-02 (Maximum Allowed Service Sessions "
                    + "Per User" + collected.storeLimit() + ") and event 9646 (IMAP-03)", Optional.empty());
            // The evidence of an earlier run stands until the password changes: sending it again to find out is what must not happen.
            case REFUSED_IN_EARLIER_RUN -> throw new SettingViolation("IMAP login of " + account, EXPECTED, actual.detail()
                    .replaceFirst("^not attempted: ", "") + ": " + whyRefused(collected) + "; this password is not sent, so "
                    + "that Active Directory does not count a second failure towards locking the account", Optional.empty());
            case SKIPPED_PASSWORD_ALREADY_FAILED, COULD_NOT_VERIFY -> throw new IllegalStateException("could not verify: "
                    + actual.detail());
        };
    }

    /**
     * Exchange answers a disabled, locked-out or expired account as it answers a wrong password ('NO AUTHENTICATE failed.'):
     * when MBX-01's facts say which, the message says so instead of blaming the credentials. Asked only for a refusal.
     */
    private static String whyRefused(CollectedLimits collected) {
        return collected.accountRefusal().map(reason -> reason + ", whatever the password")
                .orElse("the credentials or the account are wrong");
    }
}
