package uccx.compliance.controls;

import java.time.Duration;
import java.util.Optional;
import uccx.compliance.probes.Reach;

/** NET-01: the checklist's {@code telnet <host> 143}, as a TCP connect within the configured timeout. */
public class ReachAssert extends DomainAssert<ReachAssert, Reach> {

    public ReachAssert(Reach actual) {
        super(actual, ReachAssert.class);
    }

    public ReachAssert connectsWithin(Duration timeout) {
        isNotNull();
        String setting = "TCP connect to " + actual.host() + ":" + actual.port();
        String expected = "a connection within " + timeout.toSeconds() + " s";
        if (!actual.reached()) {
            throw new SettingViolation(setting, expected, actual.failure() + " after " + actual.took().toMillis() + " ms", Optional.empty());
        }
        return complies(setting, expected, "connected in " + actual.took().toMillis() + " ms");
    }
}
