package uccx.compliance.controls;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uccx.compliance.collector.Snapshot;
import uccx.compliance.environment.Environment;
import uccx.compliance.run.ChecklistControls;
import uccx.compliance.run.ControlRun;
import uccx.compliance.run.ControlTargets;

/** Beyond the checklist: the UCCX mailbox admits IMAP, and its account can still log in for the warning period. */
@ChecklistControls
@Tag("account")
class MailboxControls {

    static Stream<Named<String>> mbx01(Environment environment) {
        return ControlTargets.of(Control.MBX_01, List.of(environment.uccx().account()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mbx01")
    void accountCanLogInTomorrow(String account, Snapshot snapshot, Environment environment, ControlRun run) {
        ControlFindings findings = run.check(Control.MBX_01, account);
        AccountReadinessAssert readiness = findings.assertThat(new AccountReadiness(findings.read(snapshot.casMailbox()),
                findings.read(snapshot.uccxAccount()), snapshot.collectedAt(), environment.uccx().passwordWarningDays()));
        readiness.hasImapEnabled();
        readiness.isEnabled();
        readiness.isNotLockedOut();
        readiness.doesNotExpireSoon();
        findings.conclude();
    }
}
