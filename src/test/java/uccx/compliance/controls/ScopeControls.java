package uccx.compliance.controls;

import java.util.LinkedHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uccx.compliance.collector.Fact;
import uccx.compliance.collector.Snapshot;
import uccx.compliance.collector.facts.ExchangeServer;
import uccx.compliance.collector.facts.MailboxDatabase;
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

    /** EXC-02's target when a fact it needs was not collected, or does not name the UCCX mailbox's database: the organisation. */
    static final String ORGANISATION = "organisation";

    /**
     * Every server the UCCX mailbox may depend on, one target each so that a waiver can name one: every Client Access
     * server Get-ExchangeServer lists and every server holding a copy of the UCCX mailbox's database. When a fact that
     * finds them was not collected, the organisation is a target too, and that result says which.
     */
    static Stream<Named<String>> exc02(Snapshot snapshot) {
        List<String> targets = new ArrayList<>(ScopeCoverage.servers(collected(snapshot.exchangeServers()).orElse(List.of()),
                uccxDatabase(snapshot)));
        if (!(snapshot.exchangeServers() instanceof Fact.Collected) || uccxDatabase(snapshot).isEmpty()) {
            targets.add(ORGANISATION);
        }
        return ControlTargets.of(Control.EXC_02, targets);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exc02")
    void everyServerTheMailboxDependsOnIsInScope(String server, Snapshot snapshot, Environment environment, ControlRun run) {
        ControlFindings findings = run.check(Control.EXC_02, server);
        if (server.equals(ORGANISATION)) {
            findings.read(snapshot.exchangeServers());
            var mailbox = findings.read(snapshot.uccxMailbox());
            List<MailboxDatabase> databases = findings.read(snapshot.mailboxDatabases());
            throw new IllegalStateException("could not verify: " + mailbox.database().map(d -> "the UCCX mailbox's database " + d
                    + " is not among the " + databases.size() + " databases Get-MailboxDatabase listed").orElse(
                    "Get-Mailbox gave no Database for the UCCX mailbox (output of a script older than EXC-02?)")
                    + ", so which servers hold a copy of it is unknown");
        }
        List<ExchangeServer> organisation = snapshot.exchangeServers() instanceof Fact.Collected
                ? findings.read(snapshot.exchangeServers()) : List.of();
        Optional<MailboxDatabase> database = uccxDatabase(snapshot);
        if (database.isPresent()) {
            findings.read(snapshot.mailboxDatabases());
        }
        ScopeCoverage coverage = ScopeCoverage.of(server, organisation, database, environment.exchange());
        findings.assertThat(coverage).isListedIfClientAccess().isListedIfHoldingTheMailboxDatabase();
        findings.conclude();
    }

    private static Optional<MailboxDatabase> uccxDatabase(Snapshot snapshot) {
        return collected(snapshot.uccxMailbox()).flatMap(m -> collected(snapshot.mailboxDatabases())
                .flatMap(databases -> ScopeCoverage.databaseOf(m, databases)));
    }

    private static <T> Optional<T> collected(Fact<T> fact) {
        return fact instanceof Fact.Collected<T> c ? Optional.of(c.value()) : Optional.empty();
    }

}
