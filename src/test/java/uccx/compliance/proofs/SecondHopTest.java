package uccx.compliance.proofs;

import static uccx.compliance.proofs.ProofRunAssert.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second hop, played by the lab as Windows plays it: on a WinRM server that Active Directory
 * does not trust for delegation ({@code lab.delegation: untrusted}) no forwarded ticket is usable,
 * so the Exchange session and every read of another server fail with Windows' own errors. The
 * controls behind them are could-not-verify and say "second hop" with the README section; none is
 * compliant by accident; the WinRM host's own registry and event log, read locally, take no hop. With {@code secondHop: credential} the suite brings the audit account's
 * credential itself and needs no delegation.
 */
@Tag("proof")
class SecondHopTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));
    private static final String[] BEHIND_THE_SECOND_HOP = {"EXC-01 EXCH01", "EXC-01 EXCH02", "IMAP-01 EXCH01", "IMAP-01 EXCH02",
            "IMAP-02 EXCH02", "IMAP-03 EXCH01", "IMAP-03 EXCH02", "IMAP-04 LAB\\uccx-email",
            "SMTP-01 EXCH01\\UCCX Relay", "SMTP-01 EXCH02\\UCCX Relay", "THR-01 uccx-email@lab.example.com",
            "THR-02 uccx-email@lab.example.com", "MBX-01 LAB\\uccx-email", "EXC-02 organisation", "SMTP-02 EXCH01", "SMTP-02 EXCH02",
            "SVC-01 EXCH02", "SVC-02 EXCH01", "SVC-02 EXCH02"};

    // IMAP-02 EXCH01 (the WinRM host's own registry, read locally) is still judged; IMAP-03 EXCH01 is not,
    // because it needs the mailbox's LegacyExchangeDN from the Exchange session to recognise the events. SVC-01 EXCH01 (the WinRM
    // host's own WMI) is judged too; SVC-02 is not on either server, because it needs Get-ImapSettings' WhenChanged.

    @TempDir
    Path reports;

    private ProofRun run(String name, Consumer<LabVariant> change) {
        return ProofRun.ofChangedLab(PROJECT, reports, name, change);
    }

    private static void untrusted(LabVariant lab) {
        lab.lab().put("delegation", "untrusted");
    }

    @Test
    void withoutDelegationTheFactsBehindTheSecondHopAreCouldNotVerifyAndSaySo() {
        ProofRun run = run("second-hop-untrusted", SecondHopTest::untrusted);

        assertThat(run).reportsOnly("could-not-verify", BEHIND_THE_SECOND_HOP)
                .hasMessage("THR-01", "uccx-email@lab.example.com", "the Exchange session did not open", "Connect-ExchangeServer",
                        "A specified logon session does not exist", "prerequisite: the second hop", "secondHop: credential",
                        "README: Preparing a real site, \"The second hop\"")
                .hasMessage("IMAP-02", "EXCH02", "remote registry on EXCH02", "Attempted to perform an unauthorized operation",
                        "the second hop")
                .hasMessage("IMAP-03", "EXCH02", "Application event log on EXCH02", "Attempted to perform an unauthorized operation",
                        "the second hop")
                .sentRemoteCommands(1);
    }

    @Test
    void theSuitesOwnCredentialCarriesEverySecondHopWithoutDelegation() {
        ProofRun run = run("second-hop-credential", lab -> {
            untrusted(lab);
            lab.change(root -> ((ObjectNode) root.get("exchange").get("management")).put("secondHop", "credential"));
        });

        assertThat(run).isAllCompliant().sentRemoteCommands(1);
    }
}
