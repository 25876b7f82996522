package uccx.compliance.probes;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import uccx.compliance.probes.DualLoginResult.Outcome;

/**
 * LIVE-01: two concurrent IMAP sessions with the UCCX account, as one agent desktop opens them.
 * Read-only (EXAMINE), and each login is tried once.
 */
public final class DualLogin {

    /** Exchange's words when the store's service-session limit refuses a session. */
    static final String STORE_LIMIT_TEXT = "Server Unavailable. 15";

    private final MailTarget target;
    private final CredentialGuard guard;

    public DualLogin(MailTarget target, CredentialGuard guard) {
        this.target = target;
        this.guard = guard;
    }

    public DualLoginResult run(UccxCredentials credentials) {
        java.util.Optional<CredentialGuard.Withheld> withheld = guard.withheld(credentials);
        if (withheld.isPresent()) {
            return DualLoginResult.notSent(withheld.get());
        }
        TlsClient tls;
        try {
            tls = TlsClient.of(target.trust());
        } catch (ProbeException e) {
            return new DualLoginResult(Outcome.COULD_NOT_VERIFY, "", e.getMessage(), "");
        }
        ImapLogins logins = new ImapLogins(target, tls, guard);
        Transcript first = new Transcript();
        Transcript second = new Transcript();
        Verdict verdict = twoSessions(logins, credentials, first, second);
        // The transcript is taken after both sessions closed, so that it shows the LOGOUTs too.
        String password = credentials.password().reveal();
        String transcript = "--- session 1 ---\n" + first.redacted(password) + "--- session 2 ---\n" + second.redacted(password);
        return new DualLoginResult(verdict.outcome(), verdict.serverText(), verdict.detail(), transcript);
    }

    private record Verdict(Outcome outcome, String serverText, String detail) {
    }

    private Verdict twoSessions(ImapLogins logins, UccxCredentials credentials, Transcript firstTrace, Transcript secondTrace) {
        Store first = null;
        Store second = null;
        try {
            ImapLogins.Attempt a1 = logins.login(credentials, firstTrace.out());
            if (a1 instanceof ImapLogins.Refused refused) {
                if (refused.serverText().contains(STORE_LIMIT_TEXT)) {
                    // Exchange checks the store only after Active Directory accepted the password.
                    return new Verdict(Outcome.STORE_SESSION_LIMIT, refused.serverText(),
                            "the first session was refused by the store's service-session limit: \"" + refused.serverText() + "\"");
                }
                return new Verdict(Outcome.CREDENTIALS_REJECTED, refused.serverText(),
                        "the first login was refused: \"" + refused.serverText() + "\"; the password is not used again in this run");
            }
            if (a1 instanceof ImapLogins.NotSent notSent) {
                // Another probe's login was refused while this one connected.
                DualLoginResult skipped = DualLoginResult.notSent(notSent.withheld());
                return new Verdict(skipped.outcome(), "", skipped.detail());
            }
            if (a1 instanceof ImapLogins.Failed failed) {
                return new Verdict(Outcome.COULD_NOT_VERIFY, "", "first session to " + target.describe() + ": " + failed.reason());
            }
            first = ((ImapLogins.Opened) a1).store();

            ImapLogins.Attempt a2 = logins.login(credentials, secondTrace.out());
            if (a2 instanceof ImapLogins.Refused refused) {
                boolean store = refused.serverText().contains(STORE_LIMIT_TEXT);
                return new Verdict(store ? Outcome.STORE_SESSION_LIMIT : Outcome.PER_USER_LIMIT, refused.serverText(),
                        "the first session logged in, the second was refused while the first was open: \""
                                + refused.serverText() + "\"");
            }
            if (a2 instanceof ImapLogins.Failed failed) {
                return new Verdict(Outcome.COULD_NOT_VERIFY, "", "second session to " + target.describe() + ": " + failed.reason());
            }
            if (a2 instanceof ImapLogins.NotSent notSent) {
                return new Verdict(Outcome.COULD_NOT_VERIFY, "", "the first session logged in; the second login was not sent: "
                        + notSent.withheld().detail());
            }
            second = ((ImapLogins.Opened) a2).store();

            try {
                ImapLogins.examineInbox(first);
                ImapLogins.examineInbox(second);
            } catch (MessagingException e) {
                return new Verdict(Outcome.COULD_NOT_VERIFY, "", "both logged in, EXAMINE INBOX failed: " + logins.reason(e));
            }
            return new Verdict(Outcome.BOTH_LOGGED_IN, "", "two sessions logged in at once, examined INBOX and logged out");
        } finally {
            ImapLogins.closeQuietly(second);
            ImapLogins.closeQuietly(first);
        }
    }
}
