package uccx.compliance.lab.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uccx.compliance.collector.CollectionScope;
import uccx.compliance.collector.CollectorScript;
import uccx.compliance.collector.RemoteCommand;
import uccx.compliance.lab.LabState;

class LabPowerShellTest {

    private final List<String> violations = new ArrayList<>();
    private final LabState state = new LabState(
            List.of(new LabState.Server("EXCH01", "Version 14.3 (Build 123.4)", List.of("ClientAccess", "Mailbox"),
                    Map.of("MaxConnectionsPerUser", "unlimited"), Map.of(), List.of())),
            List.of(), List.of(), List.of(), List.of(), new LabState.Faults(0, List.of()));
    private final LabPowerShell lab = new LabPowerShell(state, Clock.fixed(Instant.parse("2026-11-26T20:00:00Z"), ZoneOffset.UTC),
            violations::add);

    private static final CollectionScope SCOPE = new CollectionScope(List.of("EXCH01"), List.of("EXCH01"), List.of(),
            "uccx@lab.example.com", "LAB\\uccx", 24);

    private LabPowerShell.Result send(RemoteCommand command, int chunkSize) {
        LabPowerShell.Session session = lab.start(command.commandLine());
        String input = String.join("\r\n", command.standardInput()) + "\r\n";
        for (int i = 0; i < input.length() && session.result().isEmpty(); i += chunkSize) {
            session.input(input.substring(i, Math.min(input.length(), i + chunkSize)));
        }
        return session.result().orElseThrow();
    }

    @Test
    void answersTheCollectorScriptInCliXmlOnceTheSentinelArrivesWhateverTheChunks() {
        LabPowerShell.Result result = send(CollectorScript.bundled().command(SCOPE), 7);
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("#< CLIXML\r\n<Objs Version=\"1.1.0.1\"")
                .contains("<ToString>unlimited</ToString>")
                .contains("NoMatchingEventsFound,Microsoft.PowerShell.Commands.GetWinEventCommand")
                .contains("Selected.Deserialized.Microsoft.Exchange");
        assertThat(violations).isEmpty();
    }

    @Test
    void aSectionTheLabDoesNotKnowIsAViolation() {
        String script = CollectorScript.bundled().forScope(SCOPE) + "#region fact:somethingNew\r\nGet-Something\r\n#endregion\r\n";
        List<String> lines = new ArrayList<>(script.lines().toList());
        lines.add(CollectorScript.END_OF_SCRIPT);
        RemoteCommand base = CollectorScript.bundled().command(SCOPE);
        send(new RemoteCommand(base.commandLine(), lines), 4096);
        assertThat(violations).singleElement().asString().contains("'fact:somethingNew'").contains("drifted apart");
    }

    @Test
    void aWritingCommandIsAViolationEvenIfTheRunnerLetItThrough() {
        assertThat(WritingCommands.in("Get-ImapSettings | Set-ImapSettings -MaxConnectionsPerUser 1\nNew-Object PSObject | Out-Null"))
                .containsExactly("Set-ImapSettings");
    }

    @Test
    void somethingOtherThanPowerShellIsRefusedAsCmdExeWould() {
        LabPowerShell.Session session = lab.start("format c:");
        assertThat(session.result()).map(LabPowerShell.Result::exitCode).contains(1);
        assertThat(violations).singleElement().asString().contains("not powershell.exe");
    }
}
