package uccx.compliance.collector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runner's own guard, without Node: what {@link RemoteCommand} refuses to send, and what it lets through. */
class AllowListTest {

    private static final String POWERSHELL = "powershell.exe -NoProfile -NonInteractive -OutputFormat XML -Command -";
    private static final String WRITE = "Set-ImapSettings -Server EXCH01 -MaxConnectionsPerUser 1";

    @Test
    void aWritingCmdletOnTheCommandLineIsRefused() {
        assertThatThrownBy(() -> new RemoteCommand("powershell.exe -NoProfile -Command \"" + WRITE + "\"", List.of()))
                .isInstanceOf(RefusedCommandException.class)
                .hasMessageContaining("Set-ImapSettings");
    }

    @Test
    void aWritingCmdletInTheStandardInputIsRefused() {
        List<String> input = List.of("Get-ImapSettings -Server EXCH01", WRITE, "exit");

        assertThatThrownBy(() -> new RemoteCommand(POWERSHELL, input))
                .isInstanceOf(RefusedCommandException.class)
                .hasMessageContaining("Set-ImapSettings");
    }

    @Test
    void aWritingCmdletInsideAnEncodedCommandIsRefused() {
        String commandLine = "powershell.exe -NoProfile -EncodedCommand " + RemoteCommand.encode(WRITE);

        assertThat(commandLine).doesNotContain("Set-ImapSettings");
        assertThatThrownBy(() -> new RemoteCommand(commandLine, List.of()))
                .isInstanceOf(RefusedCommandException.class)
                .hasMessageContaining("Set-ImapSettings");
    }

    @Test
    void theCollectorScriptPasses() throws IOException {
        List<String> lines = collectorScript().lines().toList();

        assertThat(AllowList.refusedCommandsIn(String.join("\n", lines))).isEmpty();
        assertThatCode(() -> new RemoteCommand(POWERSHELL, lines)).doesNotThrowAnyException();
    }

    @Test
    void hyphenatedDataIsNotTakenForACommand() {
        // An extended right and a service name the collector reads, not commands to run.
        String script = String.join("\n",
                "Get-ADPermission -User uccx | Where-Object { $_.ExtendedRights -contains 'ms-Exch-Store-Visible' }",
                "$key = 'SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem'",
                "Get-WinEvent -FilterHashtable @{ ProviderName = 'MSExchangeIS'; Id = 9646 }");

        assertThat(AllowList.refusedCommandsIn(script)).isEmpty();
        assertThatCode(() -> new RemoteCommand(POWERSHELL, script.lines().toList())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Out-File", "Invoke-Expression", "Remove-Item", "Restart-Service", "New-ThrottlingPolicy",
            "Add-ADPermission"})
    void commandsThatWriteOrRunArbitraryCodeAreRefused(String command) {
        assertThat(AllowList.allows(command)).isFalse();
        assertThatThrownBy(() -> new RemoteCommand(POWERSHELL, List.of("Get-Mailbox | " + command + " x")))
                .isInstanceOf(RefusedCommandException.class)
                .hasMessageContaining(command);
    }

    private static String collectorScript() throws IOException {
        try (InputStream in = Objects.requireNonNull(
                AllowListTest.class.getResourceAsStream("/uccx/compliance/collector/collect-facts.ps1"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
