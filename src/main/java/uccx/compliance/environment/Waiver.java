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

    /** Whether the waiver still holds on that day (it holds through its expiry date). */
    public boolean isValidOn(LocalDate day) {
        return !day.isAfter(expires);
    }
}
