package uccx.compliance.controls;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import uccx.compliance.collector.facts.CasMailbox;
import uccx.compliance.collector.facts.DirectoryAccount;

/**
 * MBX-01: what decides whether the UCCX account can still log in tomorrow, judged at the moment the
 * facts were collected.
 *
 * @param casMailbox  the mailbox's protocol settings
 * @param account     the account's directory object
 * @param at          when the facts were read: expiry is measured from here
 * @param warningDays {@code uccx.passwordWarningDays}
 */
public record AccountReadiness(CasMailbox casMailbox, DirectoryAccount account, Instant at, int warningDays) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The date as the messages write it. */
    public static String date(Instant instant) {
        return DAY.format(instant);
    }

    /** Expired now: the directory's own flag, or an expiry at or before the moment of collection. */
    public boolean expired() {
        return account.expiredByFlag() || account.expires().map(e -> !e.isAfter(at)).orElse(false);
    }

    /** Expires within the warning period (and not already). */
    public boolean expiresSoon() {
        return !expired() && account.expires().map(e -> e.isBefore(at.plus(Duration.ofDays(warningDays)))).orElse(false);
    }

    public Optional<Instant> expires() {
        return account.expires();
    }
}
