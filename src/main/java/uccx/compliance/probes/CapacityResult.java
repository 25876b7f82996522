package uccx.compliance.probes;

import java.time.Duration;
import java.util.Optional;

/**
 * What LIVE-02 found when it held many sessions at once.
 *
 * @param wanted         how many sessions were to be open at once, 2 × (agents + 1)
 * @param succeeded      how many logged in (all were logged out again)
 * @param firstRejection the first refusal as the server wrote it
 * @param took           from the first connect until the last login answered (or the deadline)
 */
public record CapacityResult(Outcome outcome, int wanted, int succeeded, Optional<String> firstRejection, Duration took,
        String detail) {

    /** What was tried and what came of it; no password is ever part of it. */
    public String transcript(String account) {
        return "wanted " + wanted + " concurrent sessions of " + account + " (password redacted)\nlogged in " + succeeded
                + ", every one logged out\ntook " + took.toMillis() + " ms\n"
                + firstRejection.map(r -> "first rejection: " + r + "\n").orElse("") + detail;
    }

    public enum Outcome {
        /** Every session logged in at the same time. */
        ALL_LOGGED_IN,
        /** Some logins were refused once others were open: a limit is below the need. */
        LIMIT_REACHED,
        /** The very first login was refused: the credentials; nothing more was tried. */
        CREDENTIALS_REJECTED,
        /** This run already saw these credentials refused; nothing was sent. */
        SKIPPED_PASSWORD_ALREADY_FAILED,
        /** The overall deadline passed before every login answered. */
        DEADLINE_PASSED,
        /** No answer to judge: unreachable, timed out, TLS refused. */
        COULD_NOT_VERIFY
    }
}
