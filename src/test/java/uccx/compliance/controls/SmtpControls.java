package uccx.compliance.controls;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
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

    /** Every server with a connector in scope (the Identity's prefix: SERVER\\Connector Name), once. */
    static Stream<Named<String>> smtp02(Environment environment) {
        Set<String> servers = new LinkedHashSet<>();
        for (String identity : environment.exchange().receiveConnectors()) {
            int slash = identity.indexOf('\\');
            if (slash > 0 && servers.stream().noneMatch(s -> s.equalsIgnoreCase(identity.substring(0, slash)))) {
                servers.add(identity.substring(0, slash));
            }
        }
        return ControlTargets.of(Control.SMTP_02, servers);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smtp02")
    void selectedConnectorIsInScope(String server, Snapshot snapshot, Environment environment, ControlRun run) {
        ControlFindings findings = run.check(Control.SMTP_02, server);
        Assumptions.assumeTrue(environment.uccx().serverAddress().isPresent(),
                "not-applicable: uccx.serverAddress is not set, so which connector takes the UCCX server is unknown");
        String client = environment.uccx().serverAddress().orElseThrow();
        findings.assertThat(ConnectorSelection.of(server, client, findings.read(snapshot.connectorBindings())))
                .isOneOf(environment.exchange().receiveConnectors());
        findings.conclude();
    }
}
