package uccx.compliance.controls;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uccx.compliance.collector.Snapshot;
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
    void dedicatedPolicyAssigned(String mailbox, Snapshot snapshot, ControlRun run) {
        ControlFindings findings = run.check(Control.THR_01, mailbox);
        findings.assertThat(EffectivePolicy.of(findings.read(snapshot.uccxMailbox()), findings.read(snapshot.throttlingPolicies())))
                .isADedicatedPolicy();
        findings.conclude();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thr02")
    void budgetsUnlimited(String mailbox, Snapshot snapshot, Environment environment, ControlRun run) {
        ControlFindings findings = run.check(Control.THR_02, mailbox);
        EffectivePolicyAssert policy = findings.assertThat(EffectivePolicy.of(findings.read(snapshot.uccxMailbox()),
                findings.read(snapshot.throttlingPolicies())));
        Checklist.unlimitedBudgets(environment.exchange().version()).forEach(policy::hasUnlimited);
        findings.conclude();
    }
}
