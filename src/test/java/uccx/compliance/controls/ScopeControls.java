package uccx.compliance.controls;

import io.qameta.allure.Feature;
import io.qameta.allure.Severity;
import io.qameta.allure.SeverityLevel;
import io.qameta.allure.Story;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uccx.compliance.collector.FactName;
import uccx.compliance.collector.Snapshot;
import uccx.compliance.collector.facts.ExchangeServer;
import uccx.compliance.environment.Environment;
import uccx.compliance.run.ControlRun;
import uccx.compliance.run.ChecklistControls;

/** The checklist's scope: it is written for Exchange 2010, and some checks depend on the service pack. */
@ChecklistControls
@Tag("scope")
@Feature("Scope")
class ScopeControls {

    static Stream<String> servers(Environment environment) {
        Set<String> servers = new LinkedHashSet<>(environment.exchange().clientAccessServers());
        servers.addAll(environment.exchange().mailboxServers());
        return servers.stream();
    }

    @ParameterizedTest(name = "EXC-01 Exchange version matches the environment file · {0}")
    @MethodSource("servers")
    @Story("EXC-01 Exchange version matches the environment file")
    @Severity(SeverityLevel.CRITICAL)
    void exchangeVersionMatches(String server, Snapshot snapshot, Environment environment, ControlRun run) {
        ControlFindings findings = run.check(Control.EXC_01, server);
        findings.readFrom(FactName.EXCHANGE_SERVERS, server);
        List<ExchangeServer> servers = snapshot.exchangeServers().get();
        ExchangeServer found = servers.stream().filter(s -> s.name().equalsIgnoreCase(server)).findFirst()
                .orElseThrow(() -> new IllegalStateException("could not verify: " + server + " is not among the "
                        + servers.size() + " servers Get-ExchangeServer returned (check exchange.clientAccessServers / mailboxServers)"));
        findings.observe(server + " runs " + found.adminDisplayVersion());
        findings.assertThat(found).runs(environment.exchange().version());
        findings.conclude(violations -> uccx.compliance.controls.Remediation.version(found.version().label()));
    }

}
