package uccx.compliance.controls;

import io.qameta.allure.Feature;
import io.qameta.allure.Severity;
import io.qameta.allure.SeverityLevel;
import io.qameta.allure.Story;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uccx.compliance.collector.FactName;
import uccx.compliance.collector.Snapshot;
import uccx.compliance.collector.facts.ReceiveConnector;
import uccx.compliance.environment.Environment;
import uccx.compliance.run.ControlRun;
import uccx.compliance.run.ChecklistControls;

/** The checklist's SMTP steps: every receive connector the UCCX server sends through. */
@ChecklistControls
@Tag("smtp")
@Feature("SMTP")
class SmtpControls {

    static Stream<String> receiveConnectors(Environment environment) {
        return environment.exchange().receiveConnectors().stream();
    }

    @ParameterizedTest(name = "SMTP-01 receive connector limits · {0}")
    @MethodSource("receiveConnectors")
    @Story("SMTP-01 Receive connector limits")
    @Severity(SeverityLevel.CRITICAL)
    void receiveConnectorLimits(String identity, Snapshot snapshot, Checklist checklist, ControlRun run) {
        ControlFindings findings = run.check(Control.SMTP_01, identity);
        findings.readFrom(FactName.RECEIVE_CONNECTORS, identity);
        ReceiveConnector connector = snapshot.receiveConnector(identity).get();
        findings.observe(connector.toString());
        findings.assertThat(connector)
                .hasMaxInboundConnectionAtLeast(checklist.maxInboundConnection())
                .hasMessageRateLimitAtLeast(checklist.messageRateLimit())
                .hasMaxInboundConnectionPercentagePerSourceAtLeast(checklist.maxInboundConnectionPercentagePerSource())
                .hasMaxInboundConnectionPerSourceAtLeast(checklist.maxInboundConnectionPerSource());
        findings.conclude(violations -> Remediation.receiveConnector(identity,
                violations.stream().flatMap(v -> v.threshold().stream()).toList()));
    }
}
