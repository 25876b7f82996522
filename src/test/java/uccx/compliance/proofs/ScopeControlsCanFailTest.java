package uccx.compliance.proofs;

import static uccx.compliance.proofs.ProofRunAssert.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXC-02 and SMTP-02 each fail on their own: a lab that violates one reports exactly that control and
 * target non-compliant, every other result compliant. A server added to the lab to violate EXC-02 is
 * out of scope, so no other control runs on it.
 */
@Tag("proof")
class ScopeControlsCanFailTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));

    @TempDir
    Path reports;

    private ProofRun run(String name, Consumer<LabVariant> violation) {
        return ProofRun.ofChangedLab(PROJECT, reports, name, violation);
    }

    /** A third Exchange 2010 SP3 server with these roles, as the lab's others are, listed nowhere in the environment file. */
    private static void addServer(LabVariant lab, String name, String... roles) {
        ObjectNode server = lab.lab().withArray("servers").addObject().put("name", name).put("adminDisplayVersion", "Version 14.3 (Build 123.4)");
        for (String role : roles) {
            server.withArray("roles").add(role);
        }
    }

    @Test
    void aClientAccessServerNobodyListedIsOutOfScope() {
        ProofRun run = run("exc02-cas", lab -> addServer(lab, "EXCH03", "ClientAccess"));
        assertThat(run).reportsOnly("non-compliant", "EXC-02 EXCH03")
                .hasMessage("EXC-02", "EXCH03", "exchange.clientAccessServers", "Client Access server", "not listed",
                        "clientAccessServers: [EXCH01, EXCH02, EXCH03]");
    }

    @Test
    void aCopyOfTheUccxMailboxDatabaseOnAServerNobodyListedIsOutOfScope() {
        ProofRun run = run("exc02-copy", lab -> {
            addServer(lab, "EXCH03", "Mailbox");
            lab.lab().withArray("databases").addObject().put("Name", "DB01").put("MountedOnServer", "EXCH01")
                    .withArray("Servers").add("EXCH01").add("EXCH03");
        });
        assertThat(run).reportsOnly("non-compliant", "EXC-02 EXCH03")
                .hasMessage("EXC-02", "EXCH03", "exchange.mailboxServers", "holds a copy of DB01", "mounted on EXCH01",
                        "mailboxServers: [EXCH01, EXCH02, EXCH03]");
    }

    @Test
    void aServerLeftOutOnPurposeIsWaivedByName() {
        ProofRun run = run("exc02-waived", lab -> {
            addServer(lab, "EXCH03", "ClientAccess");
            lab.change(root -> root.putArray("waivers").addObject().put("control", "EXC-02").put("target", "EXCH03")
                    .put("reason", "EXCH03 serves OWA only; no IMAP").put("approvedBy", "J. Auditor").put("ticket", "CHG-4321")
                    .put("expires", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()));
        });
        assertThat(run).reports(Map.of("EXC-02 EXCH03", "waived")).hasMessage("EXC-02", "EXCH03", "waived: EXC-02 on EXCH03");
    }

    @Test
    void mailboxDatabasesFailingIsCouldNotVerifyForExc02Only() {
        ProofRun run = run("exc02-fact-fails", lab -> lab.faults().withArray("failures").addObject().put("fact", "mailboxDatabases")
                .put("message", "Active Directory operation failed on dc01.lab.example.com.").put("errorId", "ADOperationException"));
        assertThat(run).reportsOnly("could-not-verify", "EXC-02 organisation")
                .hasMessage("EXC-02", "organisation", "Get-MailboxDatabase", "Active Directory operation failed");
    }

    @Test
    void aMoreSpecificConnectorOutOfScopeTakesTheUccxServer() {
        ProofRun run = run("smtp02-specific", lab -> lab.lab().withArray("receiveConnectors").addObject()
                .put("Identity", "EXCH01\\Default EXCH01").withArray("RemoteIPRanges").add("10.1.2.3"));
        assertThat(run).reportsOnly("non-compliant", "SMTP-02 EXCH01")
                .hasMessage("SMTP-02", "EXCH01", "'EXCH01\\Default EXCH01'", "10.1.2.3",
                        "exchange.receiveConnectors: ['EXCH01\\UCCX Relay', 'EXCH02\\UCCX Relay', 'EXCH01\\Default EXCH01']");
    }

    @Test
    void aDisabledMoreSpecificConnectorIsNeverSelected() {
        ProofRun run = run("smtp02-disabled", lab -> lab.lab().withArray("receiveConnectors").addObject()
                .put("Identity", "EXCH01\\Default EXCH01").put("Enabled", false).withArray("RemoteIPRanges").add("10.1.2.3"));
        assertThat(run).isAllCompliant();
    }

    @Test
    void withoutTheUccxServerAddressSmtp02IsNotApplicable() {
        ProofRun run = run("smtp02-no-address", lab -> lab.change(root -> ((ObjectNode) root.get("uccx")).remove("serverAddress")));
        assertThat(run).reportsOnly("not-applicable", "SMTP-02 EXCH01", "SMTP-02 EXCH02")
                .hasMessage("SMTP-02", "EXCH01", "uccx.serverAddress");
    }
}
