package uccx.compliance.controls;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import uccx.compliance.collector.facts.DirectoryAccount;

/** MBX-01: the UCCX mailbox admits IMAP and its account can log in, today and for the warning period. */
public class AccountReadinessAssert extends DomainAssert<AccountReadinessAssert, AccountReadiness> {

    public static final String IMAP_ENABLED = "ImapEnabled";
    public static final String ENABLED = "Account enabled";
    public static final String LOCKED_OUT = "Account locked out";
    public static final String EXPIRY = "Pwd expiry";

    public AccountReadinessAssert(AccountReadiness actual) {
        super(actual, AccountReadinessAssert.class);
    }

    public AccountReadinessAssert hasImapEnabled() {
        isNotNull();
        if (!actual.casMailbox().imapEnabled()) {
            throw new SettingViolation(IMAP_ENABLED, "True", "False (Get-CASMailbox): IMAP4 clients may not open the mailbox",
                    Optional.empty());
        }
        return complies(IMAP_ENABLED, "True", "True");
    }

    public AccountReadinessAssert isEnabled() {
        isNotNull();
        DirectoryAccount a = actual.account();
        if (a.disabled()) {
            throw new SettingViolation(ENABLED, "enabled", "disabled (userAccountControl 0x" + Long.toHexString(a.userAccountControl())
                    + " has ACCOUNTDISABLE 0x2)", Optional.empty());
        }
        return complies(ENABLED, "enabled", "enabled (userAccountControl 0x" + Long.toHexString(a.userAccountControl()) + ")");
    }

    public AccountReadinessAssert isNotLockedOut() {
        isNotNull();
        DirectoryAccount a = actual.account();
        String source = a.computedFlags().isPresent() ? "msDS-User-Account-Control-Computed" : "lockoutTime";
        if (a.lockedOut()) {
            String since = a.lockoutTime() != 0 ? " since " + AccountReadiness.date(DirectoryAccount.fromFileTime(a.lockoutTime())) : "";
            throw new SettingViolation(LOCKED_OUT, "not locked out", "locked out" + since + " (" + source + ")", Optional.empty());
        }
        return complies(LOCKED_OUT, "not locked out", "not locked out (" + source + ")");
    }

    /** Not expired and not expiring within the warning period, unless it never expires; the message names the date. */
    public AccountReadinessAssert doesNotExpireSoon() {
        isNotNull();
        DirectoryAccount a = actual.account();
        String expected = "not expiring within " + actual.warningDays() + " days";
        if (a.neverExpires()) {
            return complies(EXPIRY, expected, "never expires (" + a.expirySource() + ")");
        }
        Optional<Instant> expires = actual.expires();
        if (actual.expired()) {
            String when = a.pwdLastSet() == 0 ? "must be changed at next logon (pwdLastSet 0)"
                    : expires.map(e -> "expired on " + AccountReadiness.date(e)).orElse("expired (msDS-User-Account-Control-Computed)");
            throw new SettingViolation(EXPIRY, expected, when + " (" + a.expirySource() + ")", Optional.empty());
        }
        if (expires.isEmpty()) {
            throw new SettingViolation(EXPIRY, expected, "unknown: the directory gave neither msDS-UserPasswordExpiryTimeComputed nor "
                    + "the domain's maxPwdAge", Optional.empty());
        }
        long days = Duration.between(actual.at(), expires.get()).toDays();
        if (actual.expiresSoon()) {
            throw new SettingViolation(EXPIRY, expected, "expires on " + AccountReadiness.date(expires.get()) + ", in " + days
                    + (days == 1 ? " day" : " days") + " (" + a.expirySource() + ")", Optional.empty());
        }
        return complies(EXPIRY, expected, "expires on " + AccountReadiness.date(expires.get()) + ", in " + days + " days ("
                + a.expirySource() + ")");
    }
}
