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
 * MBX-01 is proven to fail on its own: for each setting a lab whose UCCX mailbox or account violates it, and the
 * run reports MBX-01 non-compliant on the UCCX account. Where the lab's IMAP then refuses the account's logins, as
 * Exchange does, LIVE-01 fails too, and its message names the account's state instead of blaming the credentials.
 */
@Tag("proof")
class MailboxControlsCanFailTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));

    @TempDir
    Path reports;

    private ProofRun run(String name, Consumer<LabVariant> violation) {
        return ProofRun.ofChangedLab(PROJECT, reports, name, lab -> {
            // LIVE-02 would only repeat LIVE-01's refusal (could-not-verify once the password has failed): off, not-applicable.
            lab.change(root -> ((ObjectNode) root.get("probes")).put("capacity", false));
            violation.accept(lab);
        });
    }

    private static final String LIVE_02 = "LIVE-02 EXCH01";

    /** The outcomes expected besides LIVE-02's not-applicable: every other result compliant. */
    private static Map<String, String> expect(String... pairsAndOutcomes) {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put(LIVE_02, "not-applicable");
        for (int i = 0; i < pairsAndOutcomes.length; i += 2) {
            expected.put(pairsAndOutcomes[i], pairsAndOutcomes[i + 1]);
        }
        return expected;
    }

    private static String account() {
        return LabVariant.ofCompliantLab(PROJECT).uccxAccount();
    }

    private static ObjectNode account(LabVariant lab) {
        return lab.uccxMailbox().withObject("/account");
    }

    @Test
    void imapDisabledOnTheMailbox() {
        ProofRun run = run("mbx01-imap-disabled", lab -> lab.uccxMailbox().put("ImapEnabled", false));
        assertThat(run).reports(expect("MBX-01 " + account(), "non-compliant"))
                .hasMessage("MBX-01", account(), "ImapEnabled: expected True, found False", "-ImapEnabled $true");
    }

    @Test
    void accountDisabled() {
        ProofRun run = run("mbx01-disabled", lab -> account(lab).put("enabled", false));
        assertThat(run).reports(expect("MBX-01 " + account(), "non-compliant", "LIVE-01 EXCH01", "non-compliant"))
                .hasMessage("MBX-01", account(), "Account enabled: expected enabled, found disabled", "dsmod user",
                        "-disabled no")
                // Exchange answers a disabled account as a wrong password; the run knows better and says so.
                .hasMessage("LIVE-01", "EXCH01", "NO AUTHENTICATE failed.", "the account is disabled in Active Directory",
                        "see MBX-01");
        org.assertj.core.api.Assertions.assertThat(run.messageOf("LIVE-01", "EXCH01"))
                .doesNotContain("the credentials or the account are wrong");
    }

    @Test
    void accountLockedOut() {
        ProofRun run = run("mbx01-locked", lab -> account(lab).put("lockedOut", true));
        assertThat(run).reports(expect("MBX-01 " + account(), "non-compliant", "LIVE-01 EXCH01", "non-compliant"))
                .hasMessage("MBX-01", account(), "Account locked out: expected not locked out, found locked out", "unlock")
                .hasMessage("LIVE-01", "EXCH01", "the account is locked out");
    }

    @Test
    void passwordExpired() {
        ProofRun run = run("mbx01-expired", lab -> account(lab).put("passwordLastSetDaysAgo", 100));
        String expiredOn = LocalDate.now(ZoneOffset.UTC).minusDays(10).toString();
        assertThat(run).reports(expect("MBX-01 " + account(), "non-compliant", "LIVE-01 EXCH01", "non-compliant"))
                .hasMessage("MBX-01", account(), "Pwd expiry: expected not expiring within 14 days, found expired on " + expiredOn,
                        "msDS-UserPasswordExpiryTimeComputed", "dsmod user", "-pwd *", "Mail Server Configuration")
                .hasMessage("LIVE-01", "EXCH01", "the account's password expired on " + expiredOn);
    }

    @Test
    void passwordExpiresWithinTheWarningPeriodNamesTheDate() {
        // 90-day maximum, set 85 days ago: 5 days left, inside the default 14. The lab still lets it log in today.
        ProofRun run = run("mbx01-expires-soon", lab -> account(lab).put("passwordLastSetDaysAgo", 85));
        String expiresOn = LocalDate.now(ZoneOffset.UTC).plusDays(5).toString();
        assertThat(run).reports(expect("MBX-01 " + account(), "non-compliant"))
                .hasMessage("MBX-01", account(), "found expires on " + expiresOn);
        // Five days less the moments between the lab's answer and the collection's time stamp.
        org.assertj.core.api.Assertions.assertThat(run.messageOf("MBX-01", account())).containsPattern("in [45] days");
    }

    @Test
    void aShorterWarningPeriodLetsTheSameAccountPass() {
        ProofRun run = run("mbx01-warning-3", lab -> {
            account(lab).put("passwordLastSetDaysAgo", 85);
            lab.change(root -> ((ObjectNode) root.get("uccx")).put("passwordWarningDays", 3));
        });
        assertThat(run).reports(expect());
    }

    @Test
    void aPasswordThatNeverExpiresIsCompliantHoweverOld() {
        ProofRun run = run("mbx01-never-expires", lab -> account(lab).put("passwordLastSetDaysAgo", 4000)
                .put("passwordNeverExpires", true));
        assertThat(run).reports(expect());
    }

    @Test
    void aDomainWithoutMaximumAgeIsCompliant() {
        ProofRun run = run("mbx01-no-max-age", lab -> {
            account(lab).put("passwordLastSetDaysAgo", 4000);
            lab.lab().withObject("/domain").put("maxPasswordAgeDays", 0);
        });
        assertThat(run).reports(expect());
    }

    @Test
    void theAccountFactFailingIsCouldNotVerifyForMbx01Only() {
        ProofRun run = run("mbx01-account-fails", lab -> lab.faults().withArray("failures").addObject().put("fact", "account")
                .put("message", "The server is not operational.").put("errorId", "DirectoryServicesCOMException"));
        assertThat(run).reports(expect("MBX-01 " + account(), "could-not-verify"))
                .hasMessage("MBX-01", account(), "The server is not operational.");
    }

    @Test
    void theCasMailboxFactFailingIsCouldNotVerifyForMbx01Only() {
        ProofRun run = run("mbx01-casmailbox-fails", lab -> lab.faults().withArray("failures").addObject().put("fact", "casMailbox")
                .put("message", "Access is denied."));
        assertThat(run).reports(expect("MBX-01 " + account(), "could-not-verify")).hasMessage("MBX-01", account(), "Access is denied.");
    }
}
