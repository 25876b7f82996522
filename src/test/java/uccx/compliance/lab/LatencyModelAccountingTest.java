package uccx.compliance.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uccx.compliance.collector.CollectionScope;
import uccx.compliance.collector.CollectorScript;
import uccx.compliance.collector.RemoteCommand;
import uccx.compliance.lab.powershell.CmdletCalls;
import uccx.compliance.lab.powershell.LabPowerShell;

/** The lab counts one cmdlet call per cmdlet per target, as the collector script's sections make them. Not timed. */
class LatencyModelAccountingTest {

    private static LabState.Server server(String name) {
        return new LabState.Server(name, "Version 14.3 (Build 123.4)", List.of("ClientAccess", "Mailbox", "HubTransport"), Map.of(),
                Map.of(), List.of());
    }

    @Test
    void oneCallPerTargetOfEachSectionAndOnePerOrganisationWideCmdlet() {
        LabState state = new LabState(List.of(server("EXCH01"), server("EXCH02"), server("EXCH03")), List.of(), List.of(), List.of(),
                List.of(), new LabState.Faults(0, List.of()));
        CmdletCalls calls = new CmdletCalls(Duration.ZERO);
        List<String> violations = new ArrayList<>();
        LabPowerShell lab = new LabPowerShell(state, Clock.systemUTC(), violations::add, calls, Duration.ZERO, Runnable::run, p -> false);
        CollectionScope scope = new CollectionScope(List.of("EXCH01", "EXCH02", "EXCH03"), List.of("EXCH01", "EXCH02"),
                List.of("EXCH01\\A", "EXCH02\\B", "EXCH03\\C", "EXCH03\\D"), "uccx@lab.example.com", "LAB\\uccx", 24);

        RemoteCommand command = CollectorScript.bundled().command(scope);
        LabPowerShell.Session session = lab.start(command.commandLine());
        session.input(String.join("\r\n", command.standardInput()) + "\r\n");

        assertThat(session.result()).isPresent();
        assertThat(violations).isEmpty();
        // Get-ExchangeServer 1, Get-ImapSettings 3 (Client Access), registry 2 and Get-WinEvent 2 (Mailbox),
        // Get-ADPermission 1, Get-User 1, Get-ReceiveConnector 4, Get-Mailbox 1, Get-ThrottlingPolicy 1
        assertThat(calls.count()).isEqualTo(1 + 3 + 2 + 2 + 1 + 1 + 4 + 1 + 1);
    }

    @Test
    void aLabStateWithoutTheSectionHasNoLatency() {
        LabState state = new LabState(List.of(), List.of(), List.of(), List.of(), List.of(), new LabState.Faults(0, List.of()));
        assertThat(state.latencyModel().isNone()).isTrue();
    }

    @Test
    void theSectionIsReadInMilliseconds() throws Exception {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(
                "latencyModel: {shellStartMillis: 3000, winRmRoundTripMillis: 50, cmdletMillis: 100, imapLoginMillis: 150}");
        assertThat(LabState.from(yaml).latencyModel()).isEqualTo(new LatencyModel(Duration.ofSeconds(3), Duration.ofMillis(50),
                Duration.ofMillis(100), Duration.ofMillis(150)));
    }
}
