package uccx.compliance.proofs;

import static uccx.compliance.proofs.ProofRunAssert.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole suite against a lab that plays Windows and PowerShell 2.0 where they are inconvenient:
 * a host that reads standard input, errors that never throw, a restricted execution policy, a
 * culture with another time separator, host text between the objects, events written in every
 * published form, and permissions held through groups and inheritance. Each run shows the controls
 * still judge what Exchange holds, and only what they can read.
 */
@Tag("proof")
class RealWindowsBehaviourTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));
    private static final List<String> CONFIGURATION = List.of("EXC-01 EXCH01", "EXC-01 EXCH02", "IMAP-01 EXCH01", "IMAP-01 EXCH02",
            "IMAP-02 EXCH01", "IMAP-02 EXCH02", "IMAP-03 EXCH01", "IMAP-03 EXCH02", "IMAP-04 LAB\\uccx-email",
            "SMTP-01 EXCH01\\UCCX Relay", "SMTP-01 EXCH02\\UCCX Relay", "THR-01 uccx-email@lab.example.com",
            "THR-02 uccx-email@lab.example.com", "MBX-01 LAB\\uccx-email", "EXC-02 organisation", "SMTP-02 EXCH01", "SMTP-02 EXCH02",
            "SVC-01 EXCH01", "SVC-01 EXCH02", "SVC-02 EXCH01", "SVC-02 EXCH02");

    @TempDir
    Path reports;

    private ProofRun run(String name, Consumer<LabVariant> change) {
        return ProofRun.ofChangedLab(PROJECT, reports, name, change);
    }

    private static ObjectNode failure(LabVariant lab, String fact, String message, String errorId) {
        return lab.faults().withArray("failures").addObject().put("fact", fact).put("message", message).put("errorId", errorId);
    }

    @Test
    void aFailingGetADPermissionIsCouldNotVerifyNotAMissingPermission() {
        // The proxy's error never throws: a script that only caught it would report "no entry" and IMAP-04 non-compliant.
        ProofRun run = run("ps2-adpermission-fails", lab -> failure(lab, "organizationPermissions",
                "Active Directory operation failed on dc01.lab.example.com. This error is not retriable. Additional information: "
                        + "Insufficient access rights to perform the operation.", "ADOperationException"));
        assertThat(run).reportsOnly("could-not-verify", "IMAP-04 LAB\\uccx-email")
                .hasMessage("IMAP-04", "LAB\\uccx-email", "Get-ADPermission", "Insufficient access rights",
                        "prerequisite: an Exchange role (RBAC)", "README: Preparing a real site, \"Exchange role\"");
    }

    @Test
    void aFailingGetMailboxIsCouldNotVerifyForEveryControlThatReadsIt() {
        ProofRun run = run("ps2-mailbox-fails", lab -> failure(lab, "mailbox",
                "The operation couldn't be performed because object 'uccx-email@lab.example.com' couldn't be found on "
                        + "'dc01.lab.example.com'.", "ManagementObjectNotFoundException"));
        assertThat(run).reportsOnly("could-not-verify", "IMAP-03 EXCH01", "IMAP-03 EXCH02", "THR-01 uccx-email@lab.example.com",
                        "THR-02 uccx-email@lab.example.com", "EXC-02 organisation")
                .hasMessage("THR-01", "uccx-email@lab.example.com", "Get-Mailbox", "couldn't be found");
    }

    @Test
    void aRestrictedLocalPolicyIsBypassedAndTheTimeIsReadWhateverTheCulture() throws IOException {
        ProofRun run = run("ps2-restricted-finnish", lab -> {
            lab.lab().putObject("executionPolicy").put("LocalMachine", "Restricted");
            lab.lab().put("timeSeparator", ".");
        });
        assertThat(run).isAllCompliant().sentRemoteCommands(1);
        String source = Files.readString(run.runFolder(reports).resolve("snapshot-source.txt"));
        Assertions.assertThat(source).containsPattern("the script ran at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ on EXCH01");
    }

    @Test
    void aPolicySetByGroupPolicyStopsTheScriptAndSaysSo() {
        ProofRun run = run("ps2-group-policy", lab -> lab.lab().putObject("executionPolicy").put("MachinePolicy", "AllSigned")
                .put("UserPolicy", "Restricted").put("MachinePolicy", "Restricted"));
        Map<String, String> expected = new LinkedHashMap<>();
        CONFIGURATION.forEach(pair -> expected.put(pair, "could-not-verify"));
        assertThat(run).reports(expected).hasMessage("IMAP-01", "EXCH01", "exit code 1",
                "RemoteExchange.ps1 cannot be loaded because the execution of scripts is disabled on this system",
                "prerequisite: the execution policy", "Group Policy", "README: Preparing a real site, \"Execution policy\"");
    }

    @Test
    void hostTextBetweenTheObjectsLosesNoFactAndIsKeptAsEvidence() throws IOException {
        ProofRun run = run("ps2-host-text", lab -> lab.faults().put("management", "hostText"));
        assertThat(run).isAllCompliant();
        Assertions.assertThat(run.summary().path("warnings").toString()).contains("text the console host wrote itself", "Welcome to the Exchange");
        Assertions.assertThat(Files.readString(run.runFolder(reports).resolve("snapshot-source.txt")))
                .contains("WARNING: Some imported command names include unapproved verbs");
    }

    @Test
    void anEventFieldWithASpaceAfterItsGuidAndAnUpperCaseOrganisationIsStillTheUccxMailboxs() {
        ProofRun run = run("ps2-event-forms", lab -> {
            String dn = lab.uccxMailbox().path("LegacyExchangeDN").asText();
            lab.server("EXCH01").withArray("events").addObject().put("minutesAgo", 20)
                    .put("mailboxDnField", "ba765653-5439-437a-993f-806575b85fbb: " + dn);
            lab.server("EXCH02").withArray("events").addObject().put("minutesAgo", 40)
                    .put("mailboxDnField", "BA765653-5439-437A-993F-806575B85FBB:" + dn.replace("/o=", "/O=").toUpperCase());
        });
        assertThat(run).reportsOnly("non-compliant", "IMAP-03 EXCH01", "IMAP-03 EXCH02").hasMessage("IMAP-03", "EXCH02", "1 event(s)");
    }

    @Test
    void theRightHeldThroughANestedGroupAndAnInheritedEntryIsHeld() {
        // No entry names the account: it holds the right through LAB\UCCX Readers, of which LAB\UCCX Service Accounts is a member.
        ProofRun run = run("imap04-nested-group", lab -> {
            lab.permissions().removeAll();
            lab.permissions().addObject().put("User", "LAB\\UCCX Readers").put("IsInherited", true)
                    .putArray("ExtendedRights").add("ms-Exch-Store-Visible");
            lab.lab().putArray("groups").add(group("LAB\\UCCX Readers", "LAB\\UCCX Service Accounts"))
                    .add(group("LAB\\UCCX Service Accounts", "LAB\\uccx-email"));
        });
        assertThat(run).isAllCompliant();
    }

    @Test
    void anExplicitAllowBeatsAnInheritedDeny() {
        // Inherited from above: a Deny for the account itself and one for Everyone. The lab's explicit Allow still decides.
        ProofRun run = run("imap04-explicit-beats-inherited", lab -> {
            lab.permissions().addObject().put("User", lab.uccxAccount()).put("Deny", true).put("IsInherited", true)
                    .putArray("ExtendedRights").add("ms-Exch-Store-Visible");
            lab.permissions().addObject().put("User", "Everyone").put("Deny", true).put("IsInherited", true)
                    .putArray("AccessRights").add("GenericAll");
        });
        assertThat(run).isAllCompliant();
    }

    @Test
    void anExplicitDenyToAGroupOfTheAccountWinsAndIsNamed() {
        ProofRun run = run("imap04-group-deny", lab -> {
            lab.permissions().addObject().put("User", "LAB\\Contractors").put("Deny", true).putArray("AccessRights").add("ExtendedRight");
            lab.lab().putArray("groups").add(group("LAB\\Contractors", "LAB\\uccx-email"));
        });
        assertThat(run).reportsOnly("non-compliant", "IMAP-04 LAB\\uccx-email")
                .hasMessage("IMAP-04", "LAB\\uccx-email", "DENIED by the explicit Deny for LAB\\Contractors: ExtendedRight",
                        "a group of LAB\\uccx-email", "Remove-ADPermission -User 'LAB\\Contractors' -AccessRights ExtendedRight -Deny");
    }

    @Test
    void genericAllHeldByTheAccountGrantsTheRight() {
        ProofRun run = run("imap04-generic-all", lab -> {
            lab.permissions().removeAll();
            lab.permissions().addObject().put("User", "LAB\\uccx-email").putArray("AccessRights").add("GenericAll");
        });
        assertThat(run).isAllCompliant();
    }

    @Test
    void deniedEventLogsNameEventLogReadersAndTheSecondHop() {
        ProofRun run = run("first-run-event-log", lab -> failure(lab, "storeEvents", "Attempted to perform an unauthorized operation.",
                "System.UnauthorizedAccessException,Microsoft.PowerShell.Commands.GetWinEventCommand").put("target", "EXCH02"));
        assertThat(run).reportsOnly("could-not-verify", "IMAP-03 EXCH02").hasMessage("IMAP-03", "EXCH02",
                "prerequisite: Event Log Readers (EXCH02)", "README: Preparing a real site, \"Event Log Readers\"", "or the second hop");
    }

    private static ObjectNode group(String name, String member) {
        ObjectNode group = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("name", name);
        group.putArray("members").add(member);
        return group;
    }
}
