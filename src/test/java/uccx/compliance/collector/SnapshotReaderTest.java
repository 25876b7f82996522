package uccx.compliance.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uccx.compliance.collector.clixml.CliXml;
import uccx.compliance.collector.facts.Limit;
import uccx.compliance.lab.LabState;
import uccx.compliance.lab.powershell.LabPowerShell;

/**
 * The collector script's records, as the lab writes them in PowerShell 2.0's CliXml, read back
 * into typed facts: script, lab and parser agree on every fact.
 */
class SnapshotReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T20:00:00Z");
    private static final String DN = "/o=Lab Organization/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=uccx-email";
    private static final CollectionScope SCOPE = new CollectionScope(List.of("EXCH01", "EXCH02"), List.of("EXCH01", "EXCH02"),
            List.of("EXCH01\\UCCX Relay"), "uccx-email@lab.example.com", "LAB\\uccx-email", 24);

    private final List<String> violations = new ArrayList<>();

    private Snapshot collect(LabState state) throws Exception {
        return collect(state, CollectorScript.bundled().command(SCOPE).standardInput());
    }

    private Snapshot collect(LabState state, List<String> script) throws Exception {
        return collect(state, script, SCOPE);
    }

    private Snapshot collect(LabState state, List<String> script, CollectionScope scope) throws Exception {
        LabPowerShell lab = new LabPowerShell(state, Clock.fixed(NOW, ZoneOffset.UTC), violations::add);
        RemoteCommand command = CollectorScript.bundled().command(scope);
        LabPowerShell.Session session = lab.start(command.commandLine());
        script.forEach(line -> session.input(line + "\r\n"));
        String stdout = session.result().orElseThrow().stdout();
        return new SnapshotReader(scope).read(CliXml.parse(stdout), stdout, "lab", NOW, Duration.ZERO);
    }

    private static LabState.Server server(String name, Map<String, String> imap, Map<String, Map<String, Long>> registry,
                                          List<LabState.Event> events) {
        return new LabState.Server(name, "Version 14.3 (Build 123.4)", List.of("ClientAccess", "Mailbox", "HubTransport"), imap,
                registry, events);
    }

    private static LabState organisation(LabState.Faults faults, List<LabState.Event> exch01Events) {
        return new LabState(
                List.of(server("EXCH01", Map.of("MaxConnectionsPerUser", "unlimited", "MaxConnections", "2400"),
                                Map.of(LabState.STORE_KEY, Map.of(LabState.SERVICE_SESSIONS_VALUE, 256L)), exch01Events),
                        server("EXCH02", Map.of(), Map.of(), List.of())),
                List.of(new LabState.ReceiveConnector("EXCH01\\UCCX Relay", Map.of("MaxInboundConnection", "unlimited",
                        "MessageRateLimit", "250", "MaxInboundConnectionPercentagePerSource", "5", "MaxInboundConnectionPerSource", "250"))),
                List.of(new LabState.ThrottlingPolicy("UCCX", false, Map.of("IMAPMaxConcurrency", Optional.empty(),
                        "CPUStartPercent", Optional.of("75")))),
                List.of(new LabState.Mailbox("uccx-email@lab.example.com", "LAB\\uccx-email", DN, Optional.of("UCCX"))),
                List.of(new LabState.Permission("LAB\\uccx-email", List.of("ms-Exch-Store-Visible"), false, "ExtendedRight")),
                faults);
    }

    @Test
    void readsEveryFactAsTheLabWroteIt() throws Exception {
        Snapshot snapshot = collect(organisation(new LabState.Faults(0, List.of()), List.of(
                new LabState.Event("MSExchangeIS", 9646, 30, "uccx-email@lab.example.com", "session", 16, true))));

        assertThat(violations).isEmpty();
        assertThat(snapshot.exchangeServers().get()).hasSize(2).first()
                .satisfies(s -> assertThat(s.version().label()).isEqualTo("2010-SP3"))
                .satisfies(s -> assertThat(s.roles()).contains("ClientAccess", "Mailbox", "HubTransport"));
        assertThat(snapshot.imapSettingsOf("exch01").get().maxConnectionsPerUser()).isEqualTo(Limit.UNLIMITED);
        assertThat(snapshot.imapSettingsOf("EXCH02").get().maxConnectionsPerUser()).isEqualTo(Limit.of(16));
        assertThat(snapshot.storeRegistryOf("EXCH01").get().value()).hasValue(256);
        assertThat(snapshot.storeRegistryOf("EXCH02").get().valueKind()).isEqualTo("KeyMissing");
        assertThat(snapshot.storeEventsOf("EXCH01").get()).singleElement()
                .satisfies(e -> assertThat(e.concerns(DN)).isTrue())
                .satisfies(e -> assertThat(e.timeCreated()).isEqualTo(NOW.minus(Duration.ofMinutes(30))));
        assertThat(snapshot.storeEventsOf("EXCH02").get()).as("NoMatchingEventsFound means zero events").isEmpty();
        assertThat(snapshot.organizationPermissions().get()).singleElement()
                .satisfies(p -> assertThat(p.grants("ms-Exch-Store-Visible")).isTrue());
        assertThat(snapshot.receiveConnector("EXCH01\\UCCX Relay").get().maxInboundConnection().isUnlimited()).isTrue();
        assertThat(snapshot.uccxMailbox().get().throttlingPolicy()).contains("UCCX");
        assertThat(snapshot.uccxMailbox().get().legacyExchangeDn()).isEqualTo(DN);
        var policy = snapshot.throttlingPolicies().get().get(0);
        assertThat(policy.budget("IMAPMaxConcurrency")).isEmpty();
        assertThat(policy.budget("CPUStartPercent")).contains("75");
        assertThat(policy.hasBudget("CPAMaxConcurrency")).as("a budget the lab leaves out does not exist").isFalse();
    }

    @Test
    void readsTheMailboxDatabaseAndWhatSelectsEveryConnectorOneEntryListsStayingLists() throws Exception {
        LabState plain = organisation(new LabState.Faults(0, List.of()), List.of());
        LabState state = new LabState(plain.servers(), List.of(plain.receiveConnectors().get(0),
                new LabState.ReceiveConnector("EXCH02\\Relay Out Of Scope", Map.of(), List.of("10.1.2.3", "10.1.2.0/24"),
                        List.of("[::]:25", "10.0.0.5:25"), false)),
                plain.throttlingPolicies(), plain.mailboxes(), plain.organizationPermissions(), plain.faults(), plain.latencyModel(),
                plain.windows());

        Snapshot snapshot = collect(state);

        assertThat(violations).isEmpty();
        assertThat(snapshot.uccxMailbox().get().database()).contains("DB01");
        assertThat(snapshot.mailboxDatabases().get()).singleElement()
                .satisfies(d -> assertThat(d.name()).isEqualTo("DB01"))
                .satisfies(d -> assertThat(d.servers()).as("one server stays a list").containsExactly("EXCH01"))
                .satisfies(d -> assertThat(d.mountedOnServer()).isEqualTo("EXCH01"));
        assertThat(snapshot.connectorBindings().get()).hasSize(2);
        var relay = snapshot.connectorBindings().get().get(0);
        assertThat(relay.server()).isEqualTo("EXCH01");
        assertThat(relay.enabled()).isTrue();
        assertThat(relay.bindings()).containsExactly("0.0.0.0:25");
        assertThat(relay.remoteIpRanges()).containsExactly("0.0.0.0-255.255.255.255");
        var outOfScope = snapshot.connectorBindings().get().get(1);
        assertThat(outOfScope.identity()).as("every connector, not only those in scope").isEqualTo("EXCH02\\Relay Out Of Scope");
        assertThat(outOfScope.enabled()).isFalse();
        assertThat(outOfScope.bindings()).containsExactly("[::]:25", "10.0.0.5:25");
        assertThat(outOfScope.remoteIpRanges()).containsExactly("10.1.2.3", "10.1.2.0/24");
    }

    @Test
    void aFactThatShouldHaveOneObjectAndHasNoneIsNotCollectedEvenWhenItsStatusSaysCollected() throws Exception {
        // A script that only catches never sees the proxy's non-terminating error: its status says "collected", with no object.
        List<String> onlyCatches = CollectorScript.bundled().command(SCOPE).standardInput().stream()
                .map(line -> line.replace("-ErrorAction Stop -ErrorVariable uccxErrors", "")).toList();
        Snapshot snapshot = collect(organisation(new LabState.Faults(0, List.of(new LabState.Failure("mailbox", Optional.empty(),
                "Access is denied.", "UnauthorizedAccess"))), List.of()), onlyCatches);

        assertThatThrownBy(() -> snapshot.uccxMailbox().get()).isInstanceOf(FactNotCollected.class)
                .hasMessageContaining("expected one object, the command returned 0");
    }

    @Test
    void theUccxAccountsTokenCarriesItsGroupsNestedOnesAndTheWellKnownOnes() throws Exception {
        LabState plain = organisation(new LabState.Faults(0, List.of()), List.of());
        LabState grouped = new LabState(plain.servers(), plain.receiveConnectors(), plain.throttlingPolicies(), plain.mailboxes(),
                plain.organizationPermissions(), plain.faults(), plain.latencyModel(), new LabState.Windows(Map.of("LocalMachine", "RemoteSigned"),
                ":", List.of(new LabState.Group("LAB\\UCCX Readers", List.of("LAB\\Service Accounts")),
                new LabState.Group("LAB\\Service Accounts", List.of("LAB\\uccx-email")))));

        var token = collect(grouped).accountToken().get();
        assertThat(token.matching("lab\\uccx-email")).hasValueSatisfying(i -> assertThat(i.isAccount()).isTrue());
        assertThat(token.matching("LAB\\UCCX Readers")).isPresent();
        assertThat(token.matching("Everyone")).hasValueSatisfying(i -> assertThat(i.sid()).isEqualTo("S-1-1-0"));
        assertThat(token.matching("NT AUTHORITY\\Authenticated Users")).isPresent();
        assertThat(token.matching("LAB\\Helpdesk")).isEmpty();
    }

    @Test
    void aFailingHopMakesOnlyItsOwnFactNotCollected() throws Exception {
        Snapshot snapshot = collect(organisation(new LabState.Faults(0, List.of(new LabState.Failure("registry", Optional.of("EXCH02"),
                "Attempted to perform an unauthorized operation.", "UnauthorizedAccessException"))), List.of()));

        assertThatThrownBy(() -> snapshot.storeRegistryOf("EXCH02").get()).isInstanceOf(FactNotCollected.class)
                .hasMessageStartingWith("could not verify: remote registry on EXCH02: Attempted to perform an unauthorized operation. "
                        + "(UnauthorizedAccessException); prerequisite: read access to the remote registry (EXCH02)")
                .hasMessageContaining("or the second hop (EXCH02)");
        assertThat(snapshot.storeRegistryOf("EXCH01").get().value()).hasValue(256);
        assertThat(snapshot.imapSettingsOf("EXCH02").get()).isNotNull();
    }

    @Test
    void aConnectorInScopeThatGetReceiveConnectorDoesNotListIsCouldNotVerifyAndTheOthersAreRead() throws Exception {
        CollectionScope scope = new CollectionScope(SCOPE.clientAccessServers(), SCOPE.mailboxServers(),
                List.of("EXCH01\\UCCX Relay", "EXCH02\\Retired Relay"), SCOPE.mailbox(), SCOPE.account(), 24);
        LabState state = organisation(new LabState.Faults(0, List.of()), List.of());
        RemoteCommand command = CollectorScript.bundled().command(scope);

        Snapshot snapshot = collect(state, command.standardInput(), scope);

        assertThat(violations).isEmpty();
        assertThat(snapshot.receiveConnector("EXCH01\\UCCX Relay").get().messageRateLimit()).isEqualTo(Limit.of(250));
        assertThatThrownBy(() -> snapshot.receiveConnector("EXCH02\\Retired Relay").get()).isInstanceOf(FactNotCollected.class)
                .hasMessageStartingWith("could not verify: Get-ReceiveConnector: EXCH02\\Retired Relay is not among the receive "
                        + "connectors Get-ReceiveConnector listed (1 connector)");
    }

    @Test
    void outputCutShortSaysSoForTheFactsItLacks() throws Exception {
        Snapshot snapshot = new SnapshotReader(SCOPE).read(CliXml.parse("#< CLIXML\r\n<Objs Version=\"1.1.0.1\" "
                + "xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"></Objs>"), "", "lab", NOW, Duration.ZERO);
        assertThatThrownBy(() -> snapshot.uccxMailbox().get())
                .hasMessage("could not verify: Get-Mailbox -Identity uccx-email@lab.example.com: "
                        + "the script's output ended before this fact was collected");
    }

    @Test
    void anUnreachableShellFailsEveryFactNamingItsCmdletAndTheHop() {
        Snapshot snapshot = new SnapshotReader(SCOPE).unreachable("WinRM https://exch01:5986/wsman",
                "WinRM https://exch01:5986/wsman: connection refused", "", NOW, Duration.ZERO);
        assertThatThrownBy(() -> snapshot.imapSettingsOf("EXCH01").get())
                .hasMessage("could not verify: Get-ImapSettings -Server EXCH01: not collected: WinRM https://exch01:5986/wsman: connection refused");
    }
}
