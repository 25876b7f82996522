package uccx.compliance.controls;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uccx.compliance.collector.Snapshot;
import uccx.compliance.collector.facts.ExchangeServer;
import uccx.compliance.environment.Environment;
import uccx.compliance.run.ControlRun;
import uccx.compliance.run.ControlTargets;
import uccx.compliance.run.ChecklistControls;

/** The checklist's scope: it is written for Exchange 2010, and some checks depend on the service pack. */
@ChecklistControls
@Tag("scope")
class ScopeControls {

    /** Every server in scope, Client Access and Mailbox, once. */
    static Stream<Named<String>> exc01(Environment environment) {
        Set<String> servers = new LinkedHashSet<>(environment.exchange().clientAccessServers());
        servers.addAll(environment.exchange().mailboxServers());
        return ControlTargets.of(Control.EXC_01, servers);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exc01")
    void exchangeVersionMatches(String server, Snapshot snapshot, Environment environment, ControlRun run) {
        ControlFindings findings = run.check(Control.EXC_01, server);
        List<ExchangeServer> servers = findings.read(snapshot.exchangeServers());
        ExchangeServer found = servers.stream().filter(s -> s.name().equalsIgnoreCase(server)).findFirst()
                .orElseThrow(() -> new IllegalStateException("could not verify: " + server + " is not among the "
                        + servers.size() + " servers Get-ExchangeServer returned (check exchange.clientAccessServers / mailboxServers)"));
        findings.assertThat(found).runs(environment.exchange().version());
        findings.conclude();
    }

}
