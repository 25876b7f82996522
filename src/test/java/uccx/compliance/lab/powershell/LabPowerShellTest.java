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
import uccx.compliance.lab.LatencyModel;

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

    private LabPowerShell labWith(LabState.Faults faults, LabState.Windows windows) {
        LabState changed = new LabState(state.servers(), state.receiveConnectors(), state.throttlingPolicies(), state.mailboxes(),
                state.organizationPermissions(), faults, LatencyModel.NONE, windows);
        return new LabPowerShell(changed, Clock.fixed(Instant.parse("2026-11-26T20:00:00Z"), ZoneOffset.UTC), violations::add);
    }

    private static LabPowerShell.Result send(LabPowerShell lab, String commandLine, List<String> input) {
        LabPowerShell.Session session = lab.start(commandLine);
        input.forEach(line -> session.input(line + "\r\n"));
        return session.result().orElseThrow(() -> new AssertionError("no answer: the script never reached the bootstrap"));
    }

    private static final RemoteCommand COLLECTOR = CollectorScript.bundled().command(SCOPE);

    // Item 1 of "PowerShell 2.0 as it really runs": standard input.

    @Test
    void theCollectorsCommandLeavesStandardInputToTheBootstrap() {
        LabPowerShell.Session session = lab.start(COLLECTOR.commandLine());
        COLLECTOR.standardInput().forEach(line -> session.input(line + "\r\n"));
        assertThat(session.charactersTakenByHost()).isZero();
        assertThat(session.result()).map(LabPowerShell.Result::exitCode).contains(0);
    }

    @Test
    void withoutInputFormatNoneTheHostTakesStandardInputAndWaitsForAnEndThatNeverComes() {
        String textInput = COLLECTOR.commandLine().replace("-InputFormat None", "-InputFormat Text");
        LabPowerShell.Session session = lab.start(textInput);
        COLLECTOR.standardInput().forEach(line -> session.input(line + "\r\n"));
        assertThat(session.result()).as("Overthere never closes standard input: the command waits for ever").isEmpty();
        assertThat(session.charactersTakenByHost()).isGreaterThan(1000);

        // Were the input ever closed, the bootstrap would find nothing left to read and run an empty script.
        session.endOfInput();
        assertThat(session.result()).map(LabPowerShell.Result::stdout).contains("");
        assertThat(lab.start(COLLECTOR.commandLine().replace(" -InputFormat None", "")).charactersTakenByHost()).isZero();
    }

    // Item 2: errors from Exchange cmdlets.

    @Test
    void aFailingExchangeCmdletWritesANonTerminatingErrorAndTheScriptRecordsTheFactAsFailed() {
        LabPowerShell failing = labWith(new LabState.Faults(0, List.of(new LabState.Failure("imapSettings", java.util.Optional.of("EXCH01"),
                "Active Directory operation failed on dc01.lab.example.com.", "ADOperationException"))), LabState.Windows.DEFAULT);
        LabPowerShell.Result result = send(failing, COLLECTOR.commandLine(), COLLECTOR.standardInput());
        assertThat(result.stderr()).startsWith("#< CLIXML").contains("<Obj S=\"Error\"")
                .contains("ADOperationException,Microsoft.Exchange.Management.GetImapSettingsCommand");
        assertThat(statusOf(result, "imapSettings")).contains("<S N=\"Status\">failed</S>").contains("Active Directory operation failed");
    }

    @Test
    void aScriptThatOnlyCatchesNeverSeesTheProxysErrorAndCallsTheFactCollected() {
        LabPowerShell failing = labWith(new LabState.Faults(0, List.of(new LabState.Failure("imapSettings", java.util.Optional.empty(),
                "Access is denied.", "UnauthorizedAccess"))), LabState.Windows.DEFAULT);
        List<String> onlyCatches = COLLECTOR.standardInput().stream()
                .map(line -> line.replace("-ErrorAction Stop -ErrorVariable uccxErrors", "")).toList();
        LabPowerShell.Result result = send(failing, COLLECTOR.commandLine(), onlyCatches);
        assertThat(statusOf(result, "imapSettings")).contains("<S N=\"Status\">collected</S>");
        assertThat(result.stderr()).contains("Access is denied.");
    }

    // Item 3: execution policy and culture.

    @Test
    void aRestrictedPolicyRefusesRemoteExchangeUnlessTheCommandLineBypassesItAndGroupPolicyDoesNotOverrideThat() {
        LabPowerShell restricted = labWith(new LabState.Faults(0, List.of()),
                new LabState.Windows(Map.of("LocalMachine", "Restricted"), ":", List.of()));
        assertThat(send(restricted, COLLECTOR.commandLine(), COLLECTOR.standardInput()).exitCode()).isZero();

        LabPowerShell.Result refused = send(restricted, COLLECTOR.commandLine().replace(" -ExecutionPolicy Bypass", ""),
                COLLECTOR.standardInput());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stdout()).isEmpty();
        assertThat(refused.stderr()).contains("RemoteExchange.ps1 cannot be loaded because the execution of scripts is disabled on this system")
                .contains("<S N=\"FullyQualifiedErrorId\">RuntimeException</S>");

        LabPowerShell byGroupPolicy = labWith(new LabState.Faults(0, List.of()),
                new LabState.Windows(Map.of("MachinePolicy", "Restricted", "LocalMachine", "RemoteSigned"), ":", List.of()));
        assertThat(send(byGroupPolicy, COLLECTOR.commandLine(), COLLECTOR.standardInput()).exitCode()).isEqualTo(1);
    }

    @Test
    void theEndRecordsTimeIsADateTimeWhateverTheCulturesTimeSeparator() {
        LabPowerShell finnish = labWith(new LabState.Faults(0, List.of()), new LabState.Windows(Map.of("LocalMachine", "RemoteSigned"),
                ".", List.of()));
        assertThat(send(finnish, COLLECTOR.commandLine(), COLLECTOR.standardInput()).stdout())
                .contains("<DT N=\"CollectedAt\">2026-11-26T20:00:00.0000000+00:00</DT>");
        // Formatted as text, the ':' of the format is the culture's separator; only the invariant culture keeps it.
        assertThat(DateText.of("    CollectedAt = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')",
                Instant.parse("2026-11-26T20:00:00Z"), ".")).isEqualTo(new Serialized.Text("2026-11-26T20.00.00Z"));
        assertThat(DateText.of("CollectedAt = (Get-Date).ToString('yyyy-MM-ddTHH:mm:ssZ', [Globalization.CultureInfo]::InvariantCulture)",
                Instant.parse("2026-11-26T20:00:00Z"), ".")).isEqualTo(new Serialized.Text("2026-11-26T20:00:00Z"));
    }

    // Item 4: host text between the objects.

    @Test
    void underTheHostTextFaultTheBannerAndAWarningStandBetweenTheObjects() throws Exception {
        LabPowerShell chatty = labWith(new LabState.Faults(0, List.of(), java.util.Optional.of(uccx.compliance.lab.ManagementFault.HOST_TEXT),
                java.util.Optional.empty(), java.util.Optional.empty()), LabState.Windows.DEFAULT);
        String stdout = send(chatty, COLLECTOR.commandLine(), COLLECTOR.standardInput()).stdout();
        assertThat(stdout.indexOf("Welcome to the Exchange Management Shell!")).isLessThan(stdout.indexOf("<Objs"));
        assertThat(stdout.indexOf("WARNING: Some imported command names")).isGreaterThan(stdout.indexOf("<Objs"))
                .isLessThan(stdout.indexOf("</Objs>"));
        uccx.compliance.collector.clixml.CliXmlDocument document = uccx.compliance.collector.clixml.CliXml.parse(stdout);
        assertThat(document.hostText()).hasSize(2).anySatisfy(t -> assertThat(t).startsWith("WARNING:"));
        assertThat(document.output()).isNotEmpty();
    }

    // Item 6: the types Exchange 2010 gives the IMAP limits.

    @Test
    void imapLimitsAreWrittenAsTheInt32sOfExchange2010sImap4AdConfiguration() {
        LabState numbers = new LabState(List.of(new LabState.Server("EXCH01", "Version 14.3 (Build 123.4)", List.of("ClientAccess"),
                Map.of("MaxConnectionsPerUser", "2400"), Map.of(), List.of())), List.of(), List.of(), List.of(), List.of(),
                new LabState.Faults(0, List.of()));
        String stdout = send(new LabPowerShell(numbers, Clock.systemUTC(), violations::add), COLLECTOR.commandLine(),
                COLLECTOR.standardInput()).stdout();
        assertThat(stdout).contains("Selected.Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.Imap4AdConfiguration")
                .contains("<I32 N=\"MaxConnectionsPerUser\">2400</I32>").contains("<I32 N=\"MaxConnections\">2000</I32>")
                .contains("<I32 N=\"MaxConnectionFromSingleIP\">2000</I32>").doesNotContain("Pop3ImapAdConfiguration");
    }

    /** The status record of one fact, as written. */
    private static String statusOf(LabPowerShell.Result result, String fact) {
        String out = result.stdout();
        int at = out.indexOf("<S N=\"UccxFact\">" + fact + "</S>");
        while (at >= 0) {
            int start = out.lastIndexOf("<Obj RefId", at);
            int end = out.indexOf("</Obj>", at);
            String record = out.substring(start, end);
            if (record.contains("<S N=\"UccxRecord\">status</S>")) {
                return record;
            }
            at = out.indexOf("<S N=\"UccxFact\">" + fact + "</S>", at + 1);
        }
        throw new AssertionError("no status record for " + fact);
    }
}
