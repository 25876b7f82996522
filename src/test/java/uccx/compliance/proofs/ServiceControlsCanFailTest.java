package uccx.compliance.proofs;

import static uccx.compliance.proofs.ProofRunAssert.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SVC-01 and SVC-02 each fail on their own: the compliant lab with one deliberate change, and the
 * whole suite run against it reports exactly that control and target, everything else compliant.
 */
@Tag("proof")
class ServiceControlsCanFailTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));
    private static final String OTHER_MAILBOX = "/o=Lab/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=busy-user";

    @TempDir
    Path reports;

    private ProofRun run(String name, Consumer<LabVariant> violation) {
        return ProofRun.ofChangedLab(PROJECT, reports, name, violation);
    }

    private static ObjectNode service(LabVariant lab, String server, String name) {
        return lab.server(server).withObject("/services").withObject("/" + name);
    }

    @Test
    void theImapServiceLeftManualAsSetupLeavesItFails() {
        ProofRun run = run("svc01-manual", lab -> service(lab, "EXCH02", "MSExchangeIMAP4").put("StartMode", "Manual"));
        assertThat(run).reportsOnly("non-compliant", "SVC-01 EXCH02")
                .hasMessage("SVC-01", "EXCH02", "MSExchangeIMAP4 StartMode: expected Auto, found Manual",
                        "Set-Service MSExchangeIMAP4 -ComputerName EXCH02 -StartupType Automatic");
    }

    @Test
    void aStoppedImapServiceFailsSvc01Only() {
        // A stopped service reads its settings when it starts: SVC-02 has nothing against it, SVC-01 has.
        ProofRun run = run("svc01-stopped", lab -> service(lab, "EXCH01", "MSExchangeIMAP4").put("State", "Stopped"));
        assertThat(run).reportsOnly("non-compliant", "SVC-01 EXCH01")
                .hasMessage("SVC-01", "EXCH01", "MSExchangeIMAP4 State: expected Running, found Stopped",
                        "Get-Service MSExchangeIMAP4 -ComputerName EXCH01 | Start-Service");
    }

    @Test
    void imapSettingsChangedAfterTheServiceStartedAreNotInEffect() {
        ProofRun run = run("svc02-imap-changed", lab -> lab.server("EXCH02").put("imapSettingsChangedMinutesAgo", 60));
        assertThat(run).reportsOnly("non-compliant", "SVC-02 EXCH02")
                .hasMessage("SVC-02", "EXCH02", "MSExchangeIMAP4 settings in effect", "not in effect until MSExchangeIMAP4 restarts",
                        "Get-Service MSExchangeIMAP4 -ComputerName EXCH02 | Restart-Service");
    }

    @Test
    void aStoreEventSinceTheStartStatingAnotherLimitShowsTheRegistryValueIsNotInEffect() {
        // The registry says 256; the store, started a day ago, says 16 in an event about another mailbox half an hour ago:
        // the value was written after the store started. IMAP-03 counts only the UCCX mailbox's events.
        ProofRun run = run("svc02-store-not-in-effect", lab -> lab.server("EXCH01").withArray("events").addObject()
                .put("minutesAgo", 30).put("mailbox", OTHER_MAILBOX).put("limit", 16));
        assertThat(run).reportsOnly("non-compliant", "SVC-02 EXCH01")
                .hasMessage("SVC-02", "EXCH01", "MSExchangeIS registry value in effect", "states 16",
                        "Get-Service MSExchangeIS -ComputerName EXCH01 | Restart-Service", "maintenance window");
    }

    @Test
    void aRegistryValueWrittenAfterTheStoreStartedIsNotInEffectWhenAnEventSaysSo() {
        // The registry value was written an hour ago, the store started a day ago: its next 9646 event still states the old 16.
        ProofRun run = run("svc02-registry-written-after-start", lab -> {
            lab.server("EXCH02").put("registryChangedMinutesAgo", 60);
            lab.server("EXCH02").withArray("events").addObject().put("minutesAgo", 30).put("mailbox", OTHER_MAILBOX);
        });
        assertThat(run).reportsOnly("non-compliant", "SVC-02 EXCH02")
                .hasMessage("SVC-02", "EXCH02", "expected the registry's 256 enforced by the store", "states 16");
    }

    @Test
    void anUnreadRegistryLeavesTheStorePartUntoldNotTheServer() {
        ProofRun run = run("svc02-registry-unread", lab -> lab.faults().withArray("failures").addObject().put("fact", "registry")
                .put("target", "EXCH02").put("message", "The network path was not found.").put("errorId", "IOException"));
        assertThat(run).reportsOnly("could-not-verify", "IMAP-02 EXCH02");
        assertThat(run).hasMessage("SVC-02", "EXCH02", "compliant", "cannot be told", "The network path was not found.");
    }

    @Test
    void aStoreEventStatingTheRegistryValueProvesItInEffect() {
        ProofRun run = run("svc02-store-in-effect", lab -> lab.server("EXCH01").withArray("events").addObject()
                .put("minutesAgo", 30).put("mailbox", OTHER_MAILBOX).put("limit", 256));
        assertThat(run).isAllCompliant();
        assertThat(run).hasMessage("SVC-02", "EXCH01", "256 in effect, per event 9646 at");
    }

    @Test
    void anEventFromBeforeTheStoreStartedProvesNothing() {
        // The store restarted 10 minutes ago, after an event that stated the old limit: the event says nothing of today's value.
        ProofRun run = run("svc02-store-old-event", lab -> {
            lab.server("EXCH01").withArray("events").addObject().put("minutesAgo", 30).put("mailbox", OTHER_MAILBOX).put("limit", 16);
            service(lab, "EXCH01", "MSExchangeIS").put("startedMinutesAgo", 10);
        });
        assertThat(run).isAllCompliant();
        assertThat(run).hasMessage("SVC-02", "EXCH01", "cannot be told", "no event 9646 since MSExchangeIS started");
    }

    @Test
    void aMailboxServerWithoutAWitnessIsCouldNotVerify() {
        // EXCH02 as a Mailbox server only (so also out of the Client Access list, as EXC-02 wants): its store part is all
        // there is to judge, and no event tells it.
        ProofRun run = run("svc02-mailbox-only", lab -> {
            lab.server("EXCH02").putArray("roles").add("Mailbox").add("HubTransport");
            lab.change(root -> ((com.fasterxml.jackson.databind.node.ArrayNode)
                    root.withObject("/exchange").withArray("clientAccessServers")).removeAll().add("EXCH01"));
        });
        assertThat(run).reportsOnly("could-not-verify", "SVC-02 EXCH02")
                .hasMessage("SVC-02", "EXCH02", "could not verify", "Windows keeps no time for a registry value", "RegQueryInfoKey");
    }

    @Test
    void servicesThatCannotBeReadAreCouldNotVerifyForTheirOwnControlsOnly() {
        ProofRun run = run("svc-wmi-denied", lab -> lab.faults().withArray("failures").addObject().put("fact", "services")
                .put("target", "EXCH02").put("message", "Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))")
                .put("errorId", "System.UnauthorizedAccessException,Microsoft.PowerShell.Commands.GetWmiObjectCommand"));
        assertThat(run).reports(Map.of("SVC-01 EXCH02", "could-not-verify", "SVC-02 EXCH02", "could-not-verify"))
                .hasMessage("SVC-01", "EXCH02", "Access is denied", "prerequisite: remote WMI");
    }

    @Test
    void remediationListsTheServiceFixesAfterTheImapStepsWithTheirImpact() throws Exception {
        ProofRun run = run("svc-remediation", lab -> {
            service(lab, "EXCH02", "MSExchangeIMAP4").put("StartMode", "Disabled");
            lab.server("EXCH01").put("imapSettingsChangedMinutesAgo", 5);
            ((ObjectNode) lab.server("EXCH02").get("imapSettings")).put("MaxConnections", 100);
        });
        String ps = java.nio.file.Files.readString(run.runFolder(reports).resolve("remediation.ps1"));
        org.assertj.core.api.Assertions.assertThat(ps).containsSubsequence("# IMAP-01 on EXCH02",
                "# SVC-01 on EXCH02", "Set-Service MSExchangeIMAP4 -ComputerName EXCH02 -StartupType Automatic",
                "# SVC-02 on EXCH01", "drops every open IMAP session", "Get-Service MSExchangeIMAP4 -ComputerName EXCH01 | Restart-Service")
                .doesNotContain("# SVC-01 on EXCH01", "# SVC-02 on EXCH02", "Get-Service MSExchangeIMAP4 -ComputerName EXCH02 | Start-Service");
    }

    @Test
    void theServicesAreReadAsRpcCallsOnEachServerOnce() {
        // Two servers: registry and event log as before (4), one Win32_Service query each (2), one Win32_Process query per
        // running service (MSExchangeIMAP4 and MSExchangeIS on each: 4).
        ProofRun run = ProofRun.of(PROJECT.resolve("environments/lab.yaml"), PROJECT, reports);
        assertThat(run).isAllCompliant().sentRemoteCommands(1).measured("labRpcCalls", "10");
    }
}
