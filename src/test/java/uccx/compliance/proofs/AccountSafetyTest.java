package uccx.compliance.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At most one wrong password, ever, until it changes: the whole suite against lab variants, the
 * lab counting what a real Exchange (and Active Directory behind it) would count.
 */
@Tag("proof")
class AccountSafetyTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));
    private static final Path ENVIRONMENTS = PROJECT.resolve("target/proof-environments");
    private static final String WRONG = "not-the-password";

    @TempDir
    Path reports;

    private ProofRun run(String name, Map<String, String> variables, Consumer<LabVariant> change) {
        LabVariant variant = LabVariant.ofCompliantLab(PROJECT);
        change.accept(variant);
        return ProofRun.of(variant.writeTo(ENVIRONMENTS, name), PROJECT, reports, variables);
    }

    private static void wrongPassword(LabVariant lab) {
        lab.change(root -> ((ObjectNode) root.get("uccx")).put("password", "${UCCX_PROOF_PASSWORD}"));
    }

    private static JsonNode credentials(ProofRun run) {
        return run.summary().path("credentials").path("uccx");
    }


    @Test
    void aWrongPasswordTwiceInARowIsSentOnceAndAChangedOneIsTried() throws Exception {
        ProofRun first = run("accounts-site", Map.of("UCCX_PROOF_PASSWORD", WRONG), AccountSafetyTest::wrongPassword);
        String refusingRun = first.runFolder(reports).getFileName().toString();
        ProofRunAssert.assertThat(first).reports(Map.of("LIVE-01 EXCH01", "non-compliant", "LIVE-02 EXCH01", "could-not-verify"))
                .measured("labImapFailedLogins", "1").measured("labImapLogins", "1");
        assertThat(credentials(first).path("state").asText()).isEqualTo("refused");
        assertThat(credentials(first).path("since").asText()).isEqualTo(refusingRun);
        String memory = Files.readString(reports.resolve("accounts-site/refused-credentials.json"));
        assertThat(memory).contains(refusingRun, "PBKDF2WithHmacSHA256").doesNotContain(WRONG);

        ProofRun second = run("accounts-site", Map.of("UCCX_PROOF_PASSWORD", WRONG), AccountSafetyTest::wrongPassword);
        ProofRunAssert.assertThat(second).reports(Map.of("LIVE-01 EXCH01", "non-compliant", "LIVE-02 EXCH01", "could-not-verify"))
                .measured("labImapFailedLogins", "0").measured("labImapLogins", "0")
                .hasMessage("LIVE-01", "EXCH01", "refused in run " + refusingRun + "; not tried again until the password changes");
        assertThat(credentials(second).path("state").asText()).isEqualTo("refused-earlier");
        assertThat(credentials(second).path("since").asText()).isEqualTo(refusingRun);

        // The password changed (the lab's own, made for the run): it is tried, and accepted.
        ProofRun third = run("accounts-site", Map.of(), lab -> { });
        ProofRunAssert.assertThat(third).reports(Map.of("LIVE-01 EXCH01", "compliant")).measured("labImapFailedLogins", "0");
        assertThat(credentials(third).path("state").asText()).isEqualTo("accepted");
        assertThat(credentials(third).path("since").asText()).isEqualTo(third.runFolder(reports).getFileName().toString());
        assertThat(first.summary().toString() + second.summary() + third.summary()).doesNotContain(WRONG);
    }

    @Test
    void theCapacityProbeStopsAtTheFirstRefusalAfterSomeSessionsSucceeded() {
        // LIVE-01 logs in twice, LIVE-02 once alone, then 16 in flight; the 40th login and every later one is refused.
        ProofRun run = run("accounts-refuse-from-40", Map.of(), lab -> lab.faults().putObject("imap").put("refuseLoginFrom", 40));
        ProofRunAssert.assertThat(run).reports(Map.of("LIVE-01 EXCH01", "compliant", "LIVE-02 EXCH01", "non-compliant"))
                .hasMessage("LIVE-02", "EXCH01", "found 37 in", "no further login was sent")
                .measured("labImapFailedLogins", "1").measured("labImapLogins", "40");
        assertThat(credentials(run).path("state").asText()).as("refused after being accepted: a limit, not a wrong password")
                .isEqualTo("accepted");
    }

    @Test
    void aConnectionDroppedAfterLoginIsNotFollowedByAnother() {
        ProofRun run = run("accounts-drop-after-login", Map.of(), lab -> lab.faults().put("imap", "dropAfterLogin"));
        ProofRunAssert.assertThat(run).reports(Map.of("LIVE-01 EXCH01", "could-not-verify", "LIVE-02 EXCH01", "could-not-verify",
                        "LIVE-04 EXCH01", "compliant"))
                .hasMessage("LIVE-01", "EXCH01", "closed the connection")
                .hasMessage("LIVE-02", "EXCH01", "no answer after the password was sent")
                .measured("labImapLogins", "1").measured("labImapFailedLogins", "0");
        assertThat(credentials(run).path("state").asText()).isEqualTo("unanswered");
    }

    @Test
    void anUnreadableMemorySendsNoPasswordAndSaysSo() throws Exception {
        Files.createDirectories(reports.resolve("accounts-unreadable"));
        Files.writeString(reports.resolve("accounts-unreadable/refused-credentials.json"), "{ cut short");
        ProofRun run = run("accounts-unreadable", Map.of(), lab -> { });
        ProofRunAssert.assertThat(run).reports(Map.of("LIVE-01 EXCH01", "could-not-verify", "LIVE-02 EXCH01", "could-not-verify"))
                .hasMessage("LIVE-01", "EXCH01", "refused-credentials.json could not be read")
                .measured("labImapLogins", "0");
        assertThat(credentials(run).path("state").asText()).isEqualTo("not-tried");
        assertThat(run.summary().path("warnings").toString()).contains("refused-credentials.json could not be read");
        assertThat(Files.readString(reports.resolve("accounts-unreadable/refused-credentials.json"))).isEqualTo("{ cut short");
    }
}
