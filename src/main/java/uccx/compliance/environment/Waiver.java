package uccx.compliance.environment;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An accepted exception to one control for one target. Whether it has expired is judged when the
 * control runs, not when the file is read, so that an expired waiver shows in the report.
 *
 * @param control a control ID of the README's control tables, e.g. {@code IMAP-01}
 * @param target  the server, connector or mailbox the control ran against; empty for every target
 */
public record Waiver(String control, String target, String reason, String approvedBy, String ticket, LocalDate expires) {

    public Waiver {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(expires, "expires");
    }

    /** A waiver may be approved for at most this long: an exception is reviewed at least once a year. */
    public static final java.time.Period LONGEST = java.time.Period.ofYears(1);

    /** Whether the waiver is about this control on this target (no target: every target of the control). */
    public boolean covers(String controlId, String targetName) {
        return control.equalsIgnoreCase(controlId) && (target.isEmpty() || target.equalsIgnoreCase(targetName));
    }

    /** How a report shows it. */
    public String describe() {
        return control + (target.isEmpty() ? "" : " on " + target) + ": " + reason + " (approved by " + approvedBy + ", ticket "
                + ticket + ", expires " + expires + ")";
    }

    /**
     * A waiver that ends within this many days is announced: a month leaves the board one meeting to
     * renew it before its finding reappears one night.
     */
    public static final int RENEWAL_DAYS = 30;

    /** Days left on that day (0 on its expiry date), when it still holds and ends within {@link #RENEWAL_DAYS}. */
    public java.util.Optional<Long> daysLeftToRenew(LocalDate day) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(day, expires);
        return isValidOn(day) && days <= RENEWAL_DAYS ? java.util.Optional.of(days) : java.util.Optional.empty();
    }

    /** Whether the waiver still holds on that day (it holds through its expiry date). */
    public boolean isValidOn(LocalDate day) {
        return !day.isAfter(expires);
    }
}
