package uccx.compliance.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uccx.compliance.collector.Snapshot;
import uccx.compliance.collector.facts.Mailbox;
import uccx.compliance.collector.facts.ThrottlingPolicy;
import uccx.compliance.environment.Environment;
import uccx.compliance.run.ControlRun;
import uccx.compliance.run.ControlTargets;
import uccx.compliance.run.ChecklistControls;

/** The checklist's client throttling steps, judged on the policy that really governs the UCCX mailbox. */
@ChecklistControls
@Tag("throttling")
class ThrottlingControls {

    static Stream<Named<String>> thr01(Environment environment) {
        return ControlTargets.of(Control.THR_01, List.of(environment.uccx().mailbox()));
    }

    static Stream<Named<String>> thr02(Environment environment) {
        return ControlTargets.of(Control.THR_02, List.of(environment.uccx().mailbox()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thr01")
    void dedicatedPolicyAssigned(String mailboxName, Snapshot snapshot, ControlRun run) {
        ControlFindings findings = run.check(Control.THR_01, mailboxName);
        Mailbox mailbox = findings.read(snapshot.uccxMailbox());
        EffectivePolicy effective = EffectivePolicy.of(mailbox, findings.read(snapshot.throttlingPolicies()));
        findings.observe(effective.describe());
        if (mailbox.throttlingPolicy().isEmpty()) {
            findings.collectAssertionError(new SettingViolation("ThrottlingPolicy", "a dedicated, non-default policy",
                    "none assigned, so the default policy '" + effective.policy().name() + "' applies", java.util.Optional.empty()));
        } else {
            findings.assertThat(effective.policy()).isNotTheDefaultPolicy();
        }
        findings.conclude(violations -> Remediation.assignPolicy(mailbox.primarySmtpAddress(), "UCCX"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thr02")
    void budgetsUnlimited(String mailboxName, Snapshot snapshot, Environment environment, ControlRun run) {
        ControlFindings findings = run.check(Control.THR_02, mailboxName);
        EffectivePolicy effective = EffectivePolicy.of(findings.read(snapshot.uccxMailbox()), findings.read(snapshot.throttlingPolicies()));
        ThrottlingPolicy policy = effective.policy();
        List<String> budgets = new ArrayList<>(Checklist.BUDGETS);
        if (environment.exchange().version().hasCpaBudgets()) {
            budgets.addAll(Checklist.CPA_BUDGETS);
        }
        findings.observe(effective.describe() + ": " + policy.budgets());
        ThrottlingPolicyAssert policyAssert = findings.assertThat(policy);
        budgets.forEach(policyAssert::hasUnlimited);
        findings.conclude(violations -> {
            List<String> names = violations.isEmpty() ? budgets : violations.stream().map(SettingViolation::setting).toList();
            if (policy.isDefault()) {
                // Unlimiting the default policy would unthrottle every mailbox: fix the UCCX mailbox's own policy instead.
                return "# the default policy governs this mailbox; do not unlimit it for everyone.\n"
                        + "# assign a dedicated policy first (THR-01), then:\n" + Remediation.unlimitedBudgets("UCCX", names);
            }
            return Remediation.unlimitedBudgets(policy.name(), names);
        });
    }
}
