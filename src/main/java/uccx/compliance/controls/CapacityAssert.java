package uccx.compliance.controls;

import java.util.Optional;
import uccx.compliance.probes.CapacityResult;

/** LIVE-02: the whole contact center's IMAP sessions, 2 x (agents + 1), held at once. */
public class CapacityAssert extends DomainAssert<CapacityAssert, CapacityResult> {

    public CapacityAssert(CapacityResult actual) {
        super(actual, CapacityAssert.class);
    }

    public CapacityAssert holdsEverySessionAtOnce(String account, int agents) {
        isNotNull();
        String setting = "concurrent IMAP sessions of " + account;
        String expected = actual.wanted() + " (2 x (" + agents + " agents + 1))";
        String found = actual.succeeded() + " in " + actual.took().toMillis() + " ms";
        return switch (actual.outcome()) {
            case ALL_LOGGED_IN -> complies(setting, expected, found);
            case LIMIT_REACHED, DEADLINE_PASSED, CREDENTIALS_REJECTED -> throw new SettingViolation(setting, expected,
                    found + "; " + actual.detail() + actual.firstRejection().map(r -> "; first rejection: '" + r + "'").orElse(""),
                    Optional.empty());
            case SKIPPED_PASSWORD_ALREADY_FAILED, COULD_NOT_VERIFY -> throw new IllegalStateException("could not verify: "
                    + actual.detail());
        };
    }
}
