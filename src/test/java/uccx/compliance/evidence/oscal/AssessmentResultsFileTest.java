package uccx.compliance.evidence.oscal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.nist.secauto.oscal.lib.model.AssessmentResults;
import gov.nist.secauto.oscal.lib.model.BackMatter;
import gov.nist.secauto.oscal.lib.model.Finding;
import gov.nist.secauto.oscal.lib.model.Metadata;
import gov.nist.secauto.oscal.lib.model.Observation;
import gov.nist.secauto.oscal.lib.model.Risk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uccx.compliance.environment.Waiver;
import uccx.compliance.evidence.ControlResult;
import uccx.compliance.evidence.Outcome;
import uccx.compliance.evidence.RunSummary;

/**
 * assessment-results.json of a run with every outcome, a valid waiver and an expired one: valid for
 * liboscal-java's own validator, with what a GRC tool needs in it; and a broken one is refused.
 */
class AssessmentResultsFileTest {

    private static final Instant STARTED = Instant.parse("2026-12-03T01:09:42Z");
    private static final Instant FINISHED = STARTED.plusSeconds(95);
    private static final LocalDate TODAY = LocalDate.ofInstant(STARTED, ZoneOffset.UTC);
    private static final Waiver VALID = new Waiver("IMAP-01", "EXCH02", "IMAP4 on EXCH02 is being retired", "J. Auditor", "CHG-1234",
            TODAY.plusDays(30));
    private static final Waiver EXPIRED = new Waiver("SMTP-01", "", "relay replaced last quarter", "Change Board", "CHG-0999",
            TODAY.minusDays(1));

    @TempDir
    Path reports;

    private RunSummary summary;
    private Path folder;
    private Path environmentFile;
    private Path written;

    @BeforeEach
    void aRunWithEveryOutcome() throws Exception {
        summary = new RunSummary("lab", STARTED, List.of("EXC-01", "IMAP-01", "IMAP-02", "SMTP-01", "LIVE-01", "LIVE-03"));
        summary.add(new ControlResult("EXC-01", "EXCH01", Outcome.COMPLIANT, "Version 14.3 (Build 123.4) is SP3, as the environment file says"));
        summary.add(new ControlResult("IMAP-01", "EXCH01", Outcome.COMPLIANT, "MaxConnectionsPerUser 40 >= 40"));
        summary.add(new ControlResult("IMAP-01", "EXCH02", Outcome.WAIVED, "waived: " + VALID.describe()));
        summary.add(new ControlResult("IMAP-02", "EXCH02", Outcome.NON_COMPLIANT,
                "Maximum Allowed Service Sessions Per User is 16, needs >= 40 <see KB 980049> & *_restart_*"));
        summary.add(new ControlResult("SMTP-01", "EXCH02\\UCCX Relay", Outcome.NON_COMPLIANT,
                "MaxInboundConnectionPerSource 20 < 100; the waiver " + EXPIRED.describe() + " has EXPIRED"));
        summary.add(new ControlResult("LIVE-01", "imap.lab.local:143", Outcome.COULD_NOT_VERIFY, "no answer to LOGIN within 10 s"));
        summary.add(new ControlResult("LIVE-03", "smtp.lab.local:25", Outcome.NOT_APPLICABLE, "smtp is not configured"));
        folder = summary.write(reports.resolve("lab"), FINISHED, 1);
        Files.writeString(folder.resolve("snapshot.xml"), "<Objs Version=\"1.1.0.1\"/>");
        Files.writeString(folder.resolve("collect.ps1"), "# read-only\r\nGet-ExchangeServer\r\n");
        Files.writeString(folder.resolve("snapshot-source.txt"), "lab\ncollected 2026-12-03T01:09:50Z in 812 ms\n");
        environmentFile = Files.writeString(reports.resolve("lab.yaml"), "name: lab\n# password: ${UCCX_PASSWORD}\n");
        written = write(summary);
    }

    private Path write(RunSummary run) {
        return AssessmentResultsFile.write(folder, new AssessedRun("lab", folder.getFileName().toString(), STARTED, FINISHED, "1.4.0",
                run.results(), List.of(VALID, EXPIRED), Optional.of(STARTED.plusSeconds(8))), environmentFile);
    }

    @Test
    void theLibrarysOwnValidatorAcceptsItAndThePlanItImports() {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(written).isEqualTo(folder.resolve("assessment-results.json"));
        for (String file : List.of("assessment-results.json", "assessment-plan.json", "system-security-plan.json", "checklist-profile.json",
                "checklist-catalog.json")) {
            softly.assertThat(OscalValidation.of(folder.resolve(file)).problems()).as(file).isEmpty();
        }
        softly.assertAll();
    }

    @Test
    void aFindingWithoutItsTargetIsRefusedBySameValidator() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode document = (ObjectNode) json.readTree(written.toFile());
        ((ObjectNode) document.path("assessment-results").path("results").get(0).path("findings").get(0)).remove("target");
        Path broken = folder.resolve("broken-assessment-results.json");
        json.writeValue(broken.toFile(), document);

        OscalValidation validation = OscalValidation.of(broken);

        assertThat(validation.isValid()).isFalse();
        assertThat(validation.problems()).anySatisfy(p -> assertThat(p).contains("findings/0").contains("target"));
    }

    @Test
    void aFindingWithAStateOscalDoesNotKnowIsRefused() throws Exception {
        String document = Files.readString(written).replaceFirst("\"not-satisfied\"", "\"half-satisfied\"");
        Path broken = Files.writeString(folder.resolve("broken-state.json"), document);

        assertThat(OscalValidation.of(broken).problems()).anySatisfy(p -> assertThat(p).contains("status/state"));
    }

    @Test
    void namesTheEnvironmentRunSuiteAndOscalVersion() {
        Metadata metadata = AssessmentResultsAssert.load(written).getMetadata();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(metadata.getTitle().toMarkdown()).contains("environment lab", "run " + folder.getFileName());
        softly.assertThat(metadata.getVersion()).isEqualTo("1.4.0");
        softly.assertThat(metadata.getOscalVersion()).startsWith("1.1.");
        softly.assertThat(metadata.getLastModified().toInstant()).isEqualTo(FINISHED);
        softly.assertAll();
    }

    @Test
    void everyResultHasItsObservationOnItsTargetAndTheReviewedControlsNameTheChecklistIds() {
        AssessmentResultsAssert ar = AssessmentResultsAssert.assertThat(written);
        ar.hasObservation("EXC-01", "EXCH01", "compliant").hasObservation("IMAP-01", "EXCH01", "compliant")
                .hasObservation("IMAP-01", "EXCH02", "waived").hasObservation("IMAP-02", "EXCH02", "non-compliant")
                .hasObservation("SMTP-01", "EXCH02\\UCCX Relay", "non-compliant")
                .hasObservation("LIVE-01", "imap.lab.local:143", "could-not-verify")
                .hasObservation("LIVE-03", "smtp.lab.local:25", "not-applicable");
        assertThat(ar.result().getObservations()).hasSize(7);
        assertThat(ar.result().getStart().toInstant()).isEqualTo(STARTED);
        assertThat(ar.result().getEnd().toInstant()).isEqualTo(FINISHED);
        assertThat(ar.result().getReviewedControls().getControlSelections().get(0).getIncludeControls())
                .extracting(c -> c.getControlId()).containsExactly("EXC-01", "IMAP-01", "IMAP-02", "SMTP-01", "LIVE-01", "LIVE-03");

        Observation collected = ar.observation("IMAP-02", "EXCH02");
        Observation probed = ar.observation("LIVE-01", "imap.lab.local:143");
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(collected.getMethods()).containsExactly("EXAMINE");
        softly.assertThat(probed.getMethods()).containsExactly("TEST");
        softly.assertThat(collected.getDescription().toMarkdown()).contains("16, needs").contains("KB 980049");
        softly.assertThat(collected.getCollected().toInstant()).isEqualTo(STARTED.plusSeconds(8));
        softly.assertThat(evidenceNames(ar.actual(), collected)).containsExactlyInAnyOrder("summary.json", "snapshot.xml", "collect.ps1",
                "snapshot-source.txt");
        softly.assertThat(evidenceNames(ar.actual(), probed)).containsExactly("summary.json");
        softly.assertThat(collected.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getType()).isEqualTo("inventory-item");
            assertThat(ar.result().getLocalDefinitions().getInventoryItems()).anyMatch(i -> i.getUuid().equals(s.getSubjectUuid()));
        });
        softly.assertAll();
    }

    @Test
    void findingsOnlyForNonCompliantAndCouldNotVerifyWhichTheyTellApart() {
        AssessmentResultsAssert ar = AssessmentResultsAssert.assertThat(written);
        ar.hasFindingsExactlyFor("IMAP-02 EXCH02", "SMTP-01 EXCH02\\UCCX Relay", "LIVE-01 imap.lab.local:143");

        Finding violated = ar.finding("IMAP-02", "EXCH02");
        Finding unverified = ar.finding("LIVE-01", "imap.lab.local:143");
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(violated.getTarget().getType()).isEqualTo("objective-id");
        softly.assertThat(violated.getTarget().getStatus().getState()).isEqualTo("not-satisfied");
        softly.assertThat(violated.getTarget().getStatus().getReason()).isEqualTo("fail");
        softly.assertThat(unverified.getTarget().getStatus().getState()).isEqualTo("not-satisfied");
        softly.assertThat(unverified.getTarget().getStatus().getReason()).isEqualTo("other");
        softly.assertThat(AssessmentResultsAssert.prop(unverified.getProps(), "outcome")).contains("could-not-verify");
        softly.assertThat(violated.getRelatedObservations()).singleElement()
                .satisfies(o -> assertThat(o.getObservationUuid()).isEqualTo(ar.observation("IMAP-02", "EXCH02").getUuid()));
        softly.assertAll();
    }

    @Test
    void aWaivedResultsRiskHasTheWaiversDeadlineApproverAndTicket() {
        AssessmentResultsAssert ar = AssessmentResultsAssert.assertThat(written);
        Risk waived = ar.risk("IMAP-01", "EXCH02");
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(waived.getStatus()).isEqualTo("deviation-approved");
        softly.assertThat(waived.getDeadline().toLocalDate()).isEqualTo(VALID.expires());
        softly.assertThat(AssessmentResultsAssert.prop(waived.getProps(), "approved-by")).contains("J. Auditor");
        softly.assertThat(AssessmentResultsAssert.prop(waived.getProps(), "ticket")).contains("CHG-1234");
        softly.assertThat(ar.actual().getMetadata().getParties()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("J. Auditor");
            assertThat(AssessmentResultsAssert.prop(waived.getProps(), "approver-party")).contains(p.getUuid().toString());
        });
        softly.assertThat(ar.actual().getMetadata().getResponsibleParties()).anySatisfy(r -> assertThat(r.getRoleId()).isEqualTo("waiver-approver"));
        softly.assertAll();
    }

    @Test
    void anExpiredWaiverIsAnOpenRiskLinkedFromItsFinding() {
        AssessmentResultsAssert ar = AssessmentResultsAssert.assertThat(written);
        Risk expired = ar.risk("SMTP-01", "EXCH02\\UCCX Relay");
        assertThat(expired.getStatus()).isEqualTo("open");
        assertThat(expired.getDeadline().toLocalDate()).isEqualTo(EXPIRED.expires());
        assertThat(ar.finding("SMTP-01", "EXCH02\\UCCX Relay").getRelatedRisks()).singleElement()
                .satisfies(r -> assertThat(r.getRiskUuid()).isEqualTo(expired.getUuid()));
        assertThat(ar.risks()).hasSize(2);
    }

    @Test
    void everyEvidenceFilesHashIsThatOfTheFileInTheRunFolder() throws Exception {
        List<BackMatter.Resource> resources = AssessmentResultsAssert.load(written).getBackMatter().getResources();
        Files.copy(environmentFile, folder.resolve("environment.yaml")); // as EvidenceBundle.seal does next
        assertThat(resources).extracting(r -> r.getRlinks().get(0).getHref().toString())
                .contains("summary.json", "remediation.ps1", "snapshot.xml", "collect.ps1", "snapshot-source.txt", "environment.yaml");
        SoftAssertions softly = new SoftAssertions();
        for (BackMatter.Resource resource : resources) {
            var link = resource.getRlinks().get(0);
            softly.assertThat(link.getHashes()).singleElement().satisfies(h -> {
                assertThat(h.getAlgorithm()).isEqualTo("SHA-256");
                assertThat(h.getValue()).isEqualTo(EvidenceFile.of("x", folder.resolve(link.getHref().toString())).sha256());
            });
        }
        softly.assertAll();
    }

    @Test
    void aFileWhoseNameIsNoUriPathIsStillListedAndTheDocumentStaysValid() throws Exception {
        Files.writeString(folder.resolve("notes #1 [draft].txt"), "left in the run folder by hand");
        write(summary);
        assertThat(AssessmentResultsAssert.load(written).getBackMatter().getResources())
                .anySatisfy(r -> assertThat(r.getRlinks().get(0).getHref().getPath()).isEqualTo("notes #1 [draft].txt"));
        assertThat(OscalValidation.of(written).problems()).isEmpty();
    }

    @Test
    void writingTheSameRunAgainKeepsEveryUuidAndTheyAreOfAVersionOscalAdmits() {
        List<UUID> before = uuids(AssessmentResultsAssert.load(written));
        write(summary);
        List<UUID> after = uuids(AssessmentResultsAssert.load(written));
        assertThat(after).hasSize(1 + 7 + 3 + 2).containsExactlyElementsOf(before).doesNotHaveDuplicates();
        assertThat(after).allSatisfy(u -> assertThat(u.version()).isEqualTo(5));
    }

    private static List<UUID> uuids(AssessmentResults document) {
        List<UUID> all = new ArrayList<>();
        all.add(document.getUuid());
        document.getResults().get(0).getObservations().forEach(o -> all.add(o.getUuid()));
        document.getResults().get(0).getFindings().forEach(f -> all.add(f.getUuid()));
        document.getResults().get(0).getRisks().forEach(r -> all.add(r.getUuid()));
        return all;
    }

    private static List<String> evidenceNames(AssessmentResults document, Observation observation) {
        return observation.getRelevantEvidence().stream().map(e -> e.getHref().toString().substring(1))
                .map(uuid -> document.getBackMatter().getResources().stream().filter(r -> r.getUuid().toString().equals(uuid)).findFirst()
                        .orElseThrow(() -> new AssertionError("relevant evidence #" + uuid + " is no back-matter resource")))
                .map(r -> r.getRlinks().get(0).getHref().toString()).toList();
    }
}
