package uccx.compliance.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A first run on a real site: each could-not-verify names the prerequisite that failed and the README section that fixes it. */
class PrerequisiteTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));

    @Test
    void windowsAndExchangeErrorsPointAtTheirPrerequisite() {
        assertThat(Prerequisite.behind(FactName.STORE_EVENTS, "Application event log on EXCH02", "Attempted to perform an unauthorized operation.",
                "System.UnauthorizedAccessException,Microsoft.PowerShell.Commands.GetWinEventCommand"))
                .startsWith(Prerequisite.EVENT_LOG_READERS).contains(Prerequisite.SECOND_HOP);
        assertThat(Prerequisite.behind(FactName.STORE_EVENTS, "", "The RPC server is unavailable", "EventLogException"))
                .containsExactly(Prerequisite.EVENT_LOG_FIREWALL);
        assertThat(Prerequisite.behind(FactName.REGISTRY, "", "Exception calling \"OpenRemoteBaseKey\" with \"2\" argument(s): "
                + "\"The network path was not found.\"", "DotNetMethodException")).containsExactly(Prerequisite.REMOTE_REGISTRY);
        assertThat(Prerequisite.behind(FactName.REGISTRY, "", "Requested registry access is not allowed.", "SecurityException"))
                .containsExactly(Prerequisite.REGISTRY_READ);
        assertThat(Prerequisite.behind(FactName.ORGANIZATION_PERMISSIONS, "", "The term 'Get-ADPermission' is not recognized as the name "
                + "of a cmdlet, function, script file, or operable program.", "CommandNotFoundException")).containsExactly(Prerequisite.RBAC_ROLE);
        assertThat(Prerequisite.behind(null, "", "File C:\\Program Files\\Microsoft\\Exchange Server\\V14\\bin\\RemoteExchange.ps1 cannot be "
                + "loaded because the execution of scripts is disabled on this system.", "RuntimeException"))
                .containsExactly(Prerequisite.EXECUTION_POLICY);
        assertThat(Prerequisite.behind(null, "", "WinRM http://exch01:5985/wsman: HTTP 401 authentication failed for user audit", ""))
                .containsExactly(Prerequisite.WINRM_RIGHTS);
    }

    @Test
    void aShellRefusedToAnAuthenticatedAccountPointsAtWinRmRightsOnly() {
        for (String answer : new String[] {"HTTP 403", "WS-Management fault w:AccessDenied, \"Access is denied.\""}) {
            // as WinRmShell words it (WinRmFailure.shellDenied)
            assertThat(Prerequisite.behind(null, "", "WinRM https://exch01:5986/wsman: audit@CORP.EXAMPLE.COM authenticated but may not"
                    + " open a WinRM shell (" + answer + "); on Windows Server 2008 R2 only Administrators may by default: give the"
                    + " account's group Read and Execute with 'winrm configSDDL default' on that server", ""))
                    .as(answer).containsExactly(Prerequisite.WINRM_RIGHTS);
        }
    }

    @Test
    void anErrorNoPrerequisiteExplainsIsLeftAsWrittenWithoutAGuess() {
        assertThat(Prerequisite.behind(FactName.IMAP_SETTINGS, "", "The operation couldn't be performed because object 'EXCH09' couldn't be "
                + "found on 'dc01.lab.example.com'.", "ManagementObjectNotFoundException")).isEmpty();
        assertThat(Prerequisite.advice(List.of(), "EXCH01")).isEmpty();
    }

    @Test
    void theAdviceNamesTheTargetTheFixAndTheReadmeSection() {
        assertThat(Prerequisite.advice(List.of(Prerequisite.EVENT_LOG_READERS), "EXCH02")).hasValueSatisfying(advice -> assertThat(advice)
                .startsWith("prerequisite: Event Log Readers (EXCH02): the audit account must be in the local group Event Log Readers")
                .endsWith("(README: Preparing a real site, \"Event Log Readers\")"));
    }

    @Test
    void everyReadmeSectionTheAdviceNamesExistsUnderPreparingARealSite() throws IOException {
        String readme = Files.readString(PROJECT.resolve("README.md"));
        String preparing = readme.substring(readme.indexOf("\n## Preparing a real site"));
        preparing = preparing.substring(0, preparing.indexOf("\n## ", 1));
        List<String> headings = preparing.lines().filter(l -> l.startsWith("### ")).map(l -> l.substring(4).strip()).toList();
        assertThat(Arrays.stream(Prerequisite.values()).map(Prerequisite::readmeSection).distinct()).allSatisfy(section ->
                assertThat(headings).as("headings under \"Preparing a real site\"").contains(section));
    }
}
