package uccx.compliance.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uccx.compliance.collector.CollectionScope;
import uccx.compliance.collector.CollectorScript;
import uccx.compliance.collector.RemoteCommand;
import uccx.compliance.lab.powershell.CallCosts;
import uccx.compliance.lab.powershell.LabPowerShell;
import uccx.compliance.lab.powershell.LabRunspaces;

/**
 * The lab charges the collector's calls where a real organisation pays them: an Active Directory
 * read per Exchange cmdlet call, each object it returns, an RPC call per question to a Mailbox
 * server itself. Not timed.
 */
class LatencyModelAccountingTest {

    private static LabState.Server server(String name) {
        return new LabState.Server(name, "Version 14.3 (Build 123.4)", List.of("ClientAccess", "Mailbox", "HubTransport"), Map.of(),
                Map.of(), List.of());
    }

    private static LabState.ReceiveConnector connector(String identity) {
        return new LabState.ReceiveConnector(identity, Map.of());
    }

    @Test
    void oneReadPerOrganisationWideCmdletOnePerTargetWhereExchangeCannotAnswerForAllAndOneRpcPerServerFact() {
        LabState state = new LabState(List.of(server("EXCH01"), server("EXCH02"), server("EXCH03")),
                List.of(connector("EXCH01\\A"), connector("EXCH02\\B"), connector("EXCH03\\C"), connector("EXCH03\\D"), connector("EXCH03\\E")),
                List.of(new LabState.ThrottlingPolicy("Default", true, Map.of())),
                List.of(new LabState.Mailbox("uccx@lab.example.com", "LAB\\uccx", "/o=Lab/cn=uccx", Optional.empty())),
                List.of(new LabState.Permission("LAB\\uccx", List.of("ms-Exch-Store-Visible"), false, "ExtendedRight")),
                new LabState.Faults(0, List.of()));
        CallCosts costs = new CallCosts(LatencyModel.NONE);
        List<String> violations = new ArrayList<>();
        try (LabRunspaces runspaces = LabRunspaces.start()) {
            LabPowerShell lab = new LabPowerShell(state, Clock.systemUTC(), violations::add, costs, Duration.ZERO, Runnable::run, runspaces, p -> false);
            CollectionScope scope = new CollectionScope(List.of("EXCH01", "EXCH02", "EXCH03"), List.of("EXCH01", "EXCH02"),
                    List.of("EXCH01\\A", "EXCH02\\B", "EXCH03\\C", "EXCH03\\D"), "uccx@lab.example.com", "LAB\\uccx", 24);

            RemoteCommand command = CollectorScript.bundled().command(scope);
            LabPowerShell.Session session = lab.start(command.commandLine());
            session.input(String.join("\r\n", command.standardInput()) + "\r\n");

            assertThat(session.result()).isPresent();
        }
        assertThat(violations).isEmpty();
        // Get-ExchangeServer 1, Get-ImapSettings 3 (one per Client Access server), Get-OrganizationConfig and Get-ADPermission 2,
        // Get-User and the token's groups 2, Get-ReceiveConnector 1 (every connector at once), Get-MailboxDatabase 1 (every database),
        // Get-Mailbox 1, Get-ThrottlingPolicy 1, Get-CASMailbox 1, Get-User and the two LDAP searches of the account and its domain 3 (MBX-01)
        assertThat(costs.adCalls()).isEqualTo(1 + 3 + 2 + 2 + 1 + 1 + 1 + 1 + 1 + 3);
        // servers 3, IMAP settings 3, the organization and its 1 entry 2, the user 1, connectors 5 (all, not only the 4 in scope),
        // the default database 1, the mailbox 1, policies 1, the CAS mailbox 1, the account's user 1
        assertThat(costs.objects()).isEqualTo(3 + 3 + 2 + 1 + 5 + 1 + 1 + 1 + 1 + 1);
        // registry and event log of each Mailbox server; WMI's Win32_Service once on each Client Access or Mailbox server,
        // and Win32_Process for each running service it lists (every lab server has both roles, so both services)
        assertThat(costs.rpcCalls()).isEqualTo(2 + 2 + 3 + 3 * 2);
    }

    @Test
    void aLabStateWithoutTheSectionHasNoLatency() {
        LabState state = new LabState(List.of(), List.of(), List.of(), List.of(), List.of(), new LabState.Faults(0, List.of()));
        assertThat(state.latencyModel().isNone()).isTrue();
    }

    @Test
    void theSectionIsReadInMilliseconds() throws Exception {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(
                "latencyModel: {shellStartMillis: 3000, winRmRoundTripMillis: 50, adCallMillis: 100, perObjectMillis: 5,"
                        + " rpcCallMillis: 200, imapLoginMillis: 150}");
        assertThat(LabState.from(yaml).latencyModel()).isEqualTo(new LatencyModel(Duration.ofSeconds(3), Duration.ofMillis(50),
                Duration.ofMillis(100), Duration.ofMillis(5), Duration.ofMillis(200), Duration.ofMillis(150)));
    }
}
