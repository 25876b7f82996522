package uccx.compliance.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uccx.compliance.controls.Checklist;

/**
 * What the report shows for each result, read from the Allure results of whole runs: a
 * description an auditor can read alone, the environment, target and Exchange version, the links,
 * the expected-versus-actual table, the raw fact (CliXml or a redacted transcript) and, for a
 * non-compliant result only, the fix for exactly that target.
 */
@Tag("proof")
class ResultEvidenceTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));
    private static final List<String> LIVE = List.of("NET-01", "LIVE-01", "LIVE-02", "LIVE-03", "LIVE-04");

    @TempDir
    Path reports;

    @TempDir
    Path results;

    @Test
    void everyCompliantResultCarriesItsDescriptionParametersLinksTableAndRawFact() {
        ReportedRun run = ReportedRun.of(PROJECT.resolve("environments/lab.yaml"), PROJECT, reports, results);

        // 19 before issue 13; MBX-01 adds one, EXC-02, SMTP-02, SVC-01 and SVC-02 one each on EXCH01 and EXCH02
        assertThat(run.testResults()).hasSize(28).allSatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("passed"));
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode result : run.testResults()) {
            String name = result.path("name").asText();
            String control = name.substring(0, name.indexOf(' '));
            softly.assertThat(result.path("descriptionHtml").asText()).as(name)
                    .contains("Checklist step:", "Why it matters for UCCX:");
            softly.assertThat(parameters(result)).as(name).contains("environment=lab", "Exchange version=2010-SP3")
                    .anyMatch(p -> p.startsWith("target="));
            softly.assertThat(linkNames(result)).as(name).anyMatch(l -> l.contains("117589")).anyMatch(l -> l.contains("980049"));
            softly.assertThat(run.attachment(result, "Expected vs actual")).as(name).hasValueSatisfying(csv -> assertThat(csv)
                    .startsWith("\"Setting\",\"Expected\",\"Found\",\"Result\"").contains("\"complies\"").doesNotContain("VIOLATES"));
            softly.assertThat(run.attachment(result, LIVE.contains(control) ? (control.equals("NET-01") ? "TCP" : control.equals("LIVE-03")
                    ? "SMTP" : "IMAP") + " transcript (redacted)" : "CliXml read for")).as(name + " raw fact").isPresent();
            softly.assertThat(run.attachment(result, "Remediation")).as(name).isEmpty();
        }
        softly.assertAll();

        JsonNode imap01 = run.result("IMAP-01", "EXCH01");
        assertThat(imap01.path("descriptionHtml").asText()).contains("Set-ImapSettings", "MaxConnectionsPerUser: at least 2400",
                "derived need 2 x (120 agents + 1) = 242", "checklist value 2400 binds");
        assertThat(linkNames(imap01)).contains("Set-ImapSettings");
        assertThat(run.attachment(imap01, "CliXml read for")).hasValueSatisfying(xml -> assertThat(xml)
                .startsWith("<Obj").contains("<S N=\"UccxFact\">imapSettings</S>", "<S N=\"UccxTarget\">EXCH01</S>")
                .doesNotContain("<S N=\"UccxTarget\">EXCH02</S>"));
        assertThat(run.attachment(imap01, "Expected vs actual")).hasValueSatisfying(csv -> assertThat(csv.lines())
                .hasSize(5).anyMatch(l -> l.startsWith("\"MaxConnectionsPerUser\",\"at least 2400")));
    }

    @Test
    void aLabViolatingEverythingAtOnceGetsEachFixForItsOwnTarget() {
        LabVariant lab = LabVariant.ofCompliantLab(PROJECT);
        lab.server("EXCH02").put("adminDisplayVersion", "Version 14.2 (Build 247.5)");
        ((ObjectNode) lab.server("EXCH01").get("imapSettings")).put("MaxConnectionsPerUser", 1);
        ((ObjectNode) lab.server("EXCH02").get("registry")).removeAll();
        lab.server("EXCH01").withArray("events").addObject().put("source", "MSExchangeIS").put("id", 9646).put("minutesAgo", 30)
                .put("mailbox", lab.uccxMailboxAddress());
        lab.permissions().removeAll();
        lab.connector("EXCH02\\UCCX Relay").put("MessageRateLimit", 10);
        lab.uccxMailbox().set("ThrottlingPolicy", NullNode.getInstance());
        String mailbox = lab.uccxMailboxAddress();
        String account = lab.uccxAccount();
        ReportedRun run = ReportedRun.of(lab.writeTo(PROJECT.resolve("target/proof-environments"), "evidence-everything"), PROJECT,
                reports, results);

        List<String[]> fixes = List.of(
                new String[] {"EXC-01", "EXCH02", "exchange.version"},
                new String[] {"IMAP-01", "EXCH01", "Set-ImapSettings -Server EXCH01 -MaxConnectionsPerUser 2400",
                        "Get-Service MSExchangeIMAP4 -ComputerName EXCH01 | Restart-Service"},
                new String[] {"IMAP-02", "EXCH02", "\\\\EXCH02\\HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem",
                        "/t REG_DWORD /d 242", "Get-Service MSExchangeIS -ComputerName EXCH02 | Restart-Service"},
                new String[] {"IMAP-03", "EXCH01", "Maximum Allowed Service Sessions Per User", "KB 980049"},
                new String[] {"IMAP-04", account, "Add-ADPermission -User '" + account + "'"},
                new String[] {"SMTP-01", "EXCH02\\UCCX Relay", "Set-ReceiveConnector -Identity 'EXCH02\\UCCX Relay' -MessageRateLimit 250"},
                new String[] {"THR-01", mailbox, "Set-Mailbox -Identity '" + mailbox + "' -ThrottlingPolicy 'UCCX'"},
                new String[] {"THR-02", mailbox, "Set-ThrottlingPolicy -Identity", "-IMAPMaxConcurrency $null"},
                new String[] {"LIVE-01", "EXCH01", "MaxConnectionsPerUser"});
        SoftAssertions softly = new SoftAssertions();
        List<String> failed = new ArrayList<>();
        for (String[] fix : fixes) {
            JsonNode result = run.result(fix[0], fix[1]);
            failed.add(fix[0] + " " + fix[1]);
            softly.assertThat(result.path("status").asText()).as(fix[0] + " " + fix[1]).isEqualTo("failed");
            softly.assertThat(run.attachment(result, "Remediation for " + fix[0] + " on " + fix[1])).as(fix[0] + " remediation")
                    .hasValueSatisfying(ps -> assertThat(ps).contains("REVIEW BEFORE RUNNING").contains(List.of(fix).subList(2, fix.length)));
            softly.assertThat(run.attachment(result, "Expected vs actual")).as(fix[0] + " table")
                    .hasValueSatisfying(csv -> assertThat(csv).contains("\"VIOLATES\""));
            softly.assertThat(result.path("descriptionHtml").asText()).as(fix[0] + " description").contains("Checklist step:");
        }
        // A target that complies gets no fix, even in this run.
        softly.assertThat(run.attachment(run.result("IMAP-01", "EXCH02"), "Remediation")).isEmpty();
        softly.assertThat(run.attachment(run.result("SMTP-01", "EXCH01\\UCCX Relay"), "Remediation")).isEmpty();
        softly.assertThat(run.attachment(run.result("IMAP-01", "EXCH02"), "Expected vs actual"))
                .hasValueSatisfying(csv -> assertThat(csv).doesNotContain("VIOLATES"));
        softly.assertAll();
        assertThat(failed).hasSize(9);
    }

    private static List<String> parameters(JsonNode result) {
        List<String> parameters = new ArrayList<>();
        result.path("parameters").forEach(p -> parameters.add(p.path("name").asText() + "=" + p.path("value").asText()));
        return parameters;
    }

    private static List<String> linkNames(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.path("links").forEach(l -> names.add(l.path("name").asText()));
        return names;
    }
}
