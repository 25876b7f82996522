package uccx.compliance.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.nist.secauto.oscal.lib.model.Risk;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uccx.compliance.evidence.oscal.AssessmentResultsAssert;
import uccx.compliance.environment.EnvironmentException;
import uccx.compliance.environment.EnvironmentLoader;

/**
 * Waivers: a valid one turns exactly its control and target into "waived"; an expired one changes
 * nothing but is listed; one naming an unknown control or running more than a year ahead is
 * refused before the run.
 */
@Tag("proof")
class WaiversTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));
    private static final Path ENVIRONMENTS = PROJECT.resolve("target/proof-environments");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @TempDir
    Path reports;

    private static LabVariant violatingImap01WithWaiver(String control, LocalDate expires) {
        LabVariant lab = LabVariant.ofCompliantLab(PROJECT).change(root -> root.putArray("waivers").addObject()
                .put("control", control).put("target", "EXCH02").put("reason", "IMAP4 on EXCH02 is being retired")
                .put("approvedBy", "J. Auditor").put("ticket", "CHG-1234").put("expires", expires.toString()));
        ((ObjectNode) lab.server("EXCH02").get("imapSettings")).put("MaxConnectionsPerUser", 16);
        return lab;
    }

    @Test
    void aValidWaiverTurnsExactlyItsControlAndTargetIntoWaived() {
        ProofRun run = ProofRun.of(violatingImap01WithWaiver("IMAP-01", TODAY.plusDays(30)).writeTo(ENVIRONMENTS, "waiver-valid"),
                PROJECT, reports);
        ProofRunAssert.assertThat(run).reports(Map.of("IMAP-01 EXCH02", "waived"))
                .hasMessage("IMAP-01", "EXCH02", "waived: IMAP-01 on EXCH02", "J. Auditor", "CHG-1234");
        assertThat(run.summary().path("outcomes").path("waived").asInt()).isEqualTo(1);
        assertThat(run.summary().path("waivers").path("applied")).hasSize(1);

        Risk risk = AssessmentResultsAssert.assertThat(run.runFolder(reports).resolve("assessment-results.json")).risk("IMAP-01", "EXCH02");
        assertThat(risk.getStatus()).isEqualTo("deviation-approved");
        assertThat(risk.getDeadline().toLocalDate()).isEqualTo(TODAY.plusDays(30));
        assertThat(AssessmentResultsAssert.prop(risk.getProps(), "approved-by")).contains("J. Auditor");
    }

    @Test
    void anExpiredWaiverChangesNothingButIsListed() {
        ProofRun run = ProofRun.of(violatingImap01WithWaiver("IMAP-01", TODAY.minusDays(1)).writeTo(ENVIRONMENTS, "waiver-expired"),
                PROJECT, reports);
        ProofRunAssert.assertThat(run).reportsOnly("non-compliant", "IMAP-01 EXCH02");
        assertThat(run.summary().path("waivers").path("expired")).singleElement()
                .satisfies(w -> assertThat(w.path("waiver").asText()).contains("CHG-1234"));
        assertThat(run.summary().path("waivers").path("expiringSoon")).as("an expired waiver is not one to renew").isEmpty();
    }

    @Test
    void aWaiverEndingWithin30DaysIsListedAndWarnedAndOneIn40DaysIsNot() {
        LabVariant lab = violatingImap01WithWaiver("IMAP-01", TODAY.plusDays(10));
        lab.change(root -> root.withArray("waivers").addObject().put("control", "IMAP-02").put("target", "EXCH01")
                .put("reason", "store limit reviewed in Q1").put("approvedBy", "K. Board").put("ticket", "CHG-5678")
                .put("expires", TODAY.plusDays(40).toString()));

        ProofRun run = ProofRun.of(lab.writeTo(ENVIRONMENTS, "waiver-soon"), PROJECT, reports);

        ProofRunAssert.assertThat(run).reports(Map.of("IMAP-01 EXCH02", "waived", "IMAP-02 EXCH01", "waived"))
                .hasMessage("IMAP-01", "EXCH02", "RENEW IT: it expires in 10 days");
        assertThat(run.summary().path("waivers").path("expiringSoon")).singleElement().satisfies(w -> {
            assertThat(w.path("control").asText()).isEqualTo("IMAP-01");
            assertThat(w.path("target").asText()).isEqualTo("EXCH02");
            assertThat(w.path("expires").asText()).isEqualTo(TODAY.plusDays(10).toString());
            assertThat(w.path("daysLeft").asInt()).isEqualTo(10);
            assertThat(w.path("approvedBy").asText()).isEqualTo("J. Auditor");
            assertThat(w.path("ticket").asText()).isEqualTo("CHG-1234");
        });
        assertThat(run.summary().path("warnings")).singleElement().extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                .asString().startsWith("The waiver of IMAP-01 on EXCH02 (ticket CHG-1234, approved by J. Auditor) expires on "
                        + TODAY.plusDays(10) + ", in 10 days");
        assertThat(run.messageOf("IMAP-02", "EXCH01")).doesNotContain("RENEW");
    }

    @Test
    void anUnknownControlOrAWaiverMoreThanAYearAheadIsRefusedBeforeTheRun() {
        Path unknown = violatingImap01WithWaiver("IMAP-09", TODAY.plusDays(30)).writeTo(ENVIRONMENTS, "waiver-unknown-control");
        assertThatThrownBy(() -> new EnvironmentLoader().load(unknown.toString(), PROJECT, Map.of()))
                .isInstanceOf(EnvironmentException.class).hasMessageContaining("waivers[0].control").hasMessageContaining("IMAP-09");
        Path tooFar = violatingImap01WithWaiver("IMAP-01", TODAY.plusYears(1).plusDays(2)).writeTo(ENVIRONMENTS, "waiver-too-far");
        assertThatThrownBy(() -> new EnvironmentLoader().load(tooFar.toString(), PROJECT, Map.of()))
                .isInstanceOf(EnvironmentException.class).hasMessageContaining("waivers[0].expires: a waiver may run at most one year ahead");
    }
}
