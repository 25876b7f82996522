package uccx.compliance.controls;

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

/** The checklist's SMTP steps: every receive connector the UCCX server sends through. */
@ChecklistControls
@Tag("smtp")
class SmtpControls {

    static Stream<Named<String>> smtp01(Environment environment) {
        return ControlTargets.of(Control.SMTP_01, environment.exchange().receiveConnectors());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smtp01")
    void receiveConnectorLimits(String identity, Snapshot snapshot, Checklist checklist, ControlRun run) {
        ControlFindings findings = run.check(Control.SMTP_01, identity);
        findings.assertThat(findings.read(snapshot.receiveConnector(identity)))
                .hasMaxInboundConnectionAtLeast(checklist.maxInboundConnection())
                .hasMessageRateLimitAtLeast(checklist.messageRateLimit())
                .hasMaxInboundConnectionPercentagePerSourceAtLeast(checklist.maxInboundConnectionPercentagePerSource())
                .hasMaxInboundConnectionPerSourceAtLeast(checklist.maxInboundConnectionPerSource());
        findings.conclude();
    }
}
