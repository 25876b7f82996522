package uccx.compliance.environment;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A site's written acceptance of a connection without TLS ({@code imap.acceptCleartext},
 * {@code exchange.management.acceptCleartext}), shaped like a {@link Waiver}: someone approved
 * it, for a reason, until a day at most {@link Waiver#LONGEST} ahead. Unlike a waiver it is judged
 * when the file is read: an expired one is refused like a missing one, because what it accepts
 * happens before any control runs.
 *
 * @param ticket the change or risk ticket that records it, when the file gives one
 */
public record CleartextAcceptance(String reason, String approvedBy, Optional<String> ticket, LocalDate expires) {

    public CleartextAcceptance {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(expires, "expires");
    }

    /** How a warning shows it. */
    public String describe() {
        return "accepted by " + approvedBy + ticket.map(t -> ", ticket " + t).orElse("") + ", until " + expires + ": " + reason;
    }
}
