package uccx.compliance.proofs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/** What a proof expects of a run: exactly these control/target pairs have this outcome, every other one is compliant. */
final class ProofRunAssert extends AbstractAssert<ProofRunAssert, ProofRun> {

    private ProofRunAssert(ProofRun actual) {
        super(actual, ProofRunAssert.class);
    }

    static ProofRunAssert assertThat(ProofRun run) {
        return new ProofRunAssert(run);
    }

    /** @param pairs "CONTROL target", for example {@code "IMAP-01 EXCH02"} */
    ProofRunAssert reportsOnly(String outcome, String... pairs) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String pair : pairs) {
            expected.put(pair, outcome);
        }
        return reports(expected);
    }

    /** Exactly these outcomes for these "CONTROL target" pairs, every other result compliant. */
    ProofRunAssert reports(Map<String, String> expected) {
        isNotNull();
        List<String> wrong = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        actual.results().forEach(r -> {
            String pair = r.path("control").asText() + " " + r.path("target").asText();
            String found = r.path("outcome").asText();
            String want = expected.getOrDefault(pair, "compliant");
            seen.add(pair);
            if (!found.equals(want)) {
                wrong.add(pair + ": expected " + want + ", found " + found + " (" + r.path("message").asText() + ")");
            }
        });
        expected.keySet().stream().filter(p -> !seen.contains(p)).forEach(p -> wrong.add(p + ": no result at all"));
        if (!wrong.isEmpty()) {
            failWithMessage("the run did not report exactly %s:%n  %s", expected, String.join("\n  ", wrong));
        }
        long brokenRuns = actual.engine().containerEvents().failed().count();
        if (brokenRuns != 0) {
            // A lab violation (a read-write folder, DATA, a writing cmdlet) fails the run as a whole.
            failWithMessage("the run itself failed %s time(s): %s", brokenRuns, actual.engine().containerEvents().failed().list());
        }
        long failedTests = actual.engine().testEvents().failed().count();
        long expectedFailures = expected.values().stream().filter(o -> o.equals("non-compliant") || o.equals("could-not-verify")).count();
        if (failedTests != expectedFailures) {
            failWithMessage("JUnit saw %s failed tests, expected %s", failedTests, expectedFailures);
        }
        return this;
    }

    ProofRunAssert isAllCompliant() {
        return reportsOnly("compliant");
    }

    ProofRunAssert sentRemoteCommands(int expected) {
        isNotNull();
        if (actual.remoteCommands() != expected) {
            failWithMessage("the run sent %s remote commands, expected %s", actual.remoteCommands(), expected);
        }
        return this;
    }

    /** A number the run kept in summary.json's measurements. */
    ProofRunAssert measured(String name, String expected) {
        String found = actual.summary().path("measurements").path(name).asText();
        if (!found.equals(expected)) {
            failWithMessage("measurement %s is %s, expected %s", name, found, expected);
        }
        return this;
    }

    ProofRunAssert hasMessage(String control, String target, String... fragments) {
        String message = actual.messageOf(control, target);
        for (String fragment : fragments) {
            if (!message.contains(fragment)) {
                failWithMessage("the message of %s on %s lacks '%s':%n%s", control, target, fragment, message);
            }
        }
        return this;
    }
}
