package uccx.compliance.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CollectorScriptTest {

    private static final CollectionScope SCOPE = new CollectionScope(List.of("EXCH01", "EXCH02"), List.of("EXCH01"),
            List.of("EXCH01\\UCCX Relay", "EXCH02\\O'Brien's Relay"), "o'brien@corp.example.com", "CORP\\uccx-email", 24,
            java.time.Duration.ofSeconds(20), 4);

    @Test
    void theCommandLineStaysShortWhateverTheScriptsSize() {
        RemoteCommand command = CollectorScript.bundled().command(SCOPE);
        assertThat(command.commandLine()).startsWith("powershell.exe ").contains("-OutputFormat XML");
        assertThat(command.commandLine().length()).isLessThan(1_000);
        assertThat(String.join("\r\n", command.standardInput()).length()).isGreaterThan(RemoteCommand.MAX_COMMAND_LINE);
    }

    @Test
    void theScriptTravelsOnStandardInputEndedByTheSentinelTheBootstrapWaitsFor() {
        RemoteCommand command = CollectorScript.bundled().command(SCOPE);
        assertThat(command.standardInput()).last().isEqualTo(CollectorScript.END_OF_SCRIPT);
        assertThat(command.encodedCommand()).contains("'" + CollectorScript.END_OF_SCRIPT + "'").contains("[Console]::In.ReadLine()")
                .doesNotContain("ReadToEnd");
        assertThat(command.standardInput()).filteredOn(CollectorScript.END_OF_SCRIPT::equals).hasSize(1);
    }

    @Test
    void parametersAreSingleQuotedSoNothingInThemIsExpanded() {
        String parameters = CollectorScript.parameters(SCOPE);
        assertThat(parameters).contains("$UccxClientAccessServers = @('EXCH01', 'EXCH02')")
                .contains("$UccxMailbox = 'o''brien@corp.example.com'")
                .contains("$UccxAccount = 'CORP\\uccx-email'")
                .contains("$UccxEventLookbackHours = 24")
                .contains("$UccxTargetSeconds = 20")
                .contains("$UccxParallelTargets = 4")
                .as("every receive connector is read at once; the runner keeps those in scope").doesNotContain("Relay");
        assertThat(CollectorScript.quote("$(Remove-Item C:\\)")).isEqualTo("'$(Remove-Item C:\\)'");
    }

    @Test
    void everyFactHasItsOwnSection() {
        String body = CollectorScript.bundled().body();
        for (FactName fact : FactName.values()) {
            assertThat(body).contains("#region fact:" + fact.sectionName());
        }
    }
}
