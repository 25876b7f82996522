package uccx.compliance.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.secauto.oscal.lib.model.BackMatter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uccx.compliance.evidence.oscal.AssessmentResultsAssert;
import uccx.compliance.evidence.oscal.EvidenceFile;
import uccx.compliance.evidence.oscal.OscalValidation;

/**
 * The sealed evidence of a run: a manifest that sha256sum -c verifies, and that fails once a byte changes; the
 * OSCAL assessment results in it, valid for liboscal-java where the bundle is unpacked.
 */
@Tag("proof")
class EvidenceBundleTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));

    @TempDir
    Path reports;

    private static int sha256sumCheck(Path folder) throws IOException, InterruptedException {
        Process check = new ProcessBuilder("sha256sum", "--quiet", "-c", "MANIFEST.sha256").directory(folder.toFile())
                .redirectErrorStream(true).start();
        check.getInputStream().readAllBytes();
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return check.exitValue();
    }

    @Test
    void theManifestVerifiesAndFailsAfterOneByteChanges() throws Exception {
        ProofRun run = ProofRun.of(PROJECT.resolve("environments/lab.yaml"), PROJECT, reports);
        Path folder = run.runFolder(reports);
        String manifest = Files.readString(folder.resolve("MANIFEST.sha256"));
        assertThat(manifest).contains("  summary.json", "  snapshot.xml", "  collect.ps1", "  remediation.ps1", "  environment.yaml");
        assertThat(sha256sumCheck(folder)).isZero();

        List<String> zipped = new ArrayList<>();
        try (ZipFile zip = new ZipFile(folder.resolve("evidence-lab-" + folder.getFileName() + ".zip").toFile())) {
            zip.stream().forEach(e -> zipped.add(e.getName()));
        }
        assertThat(zipped).contains("MANIFEST.sha256", "summary.json", "snapshot.xml", "environment.yaml");

        byte[] summary = Files.readAllBytes(folder.resolve("summary.json"));
        summary[summary.length / 2] ^= 1;
        Files.write(folder.resolve("summary.json"), summary);
        assertThat(sha256sumCheck(folder)).isNotZero();
    }

    @Test
    void theAssessmentResultsAreSealedInTheBundleAndValidWhereTheBundleIsUnpacked() throws Exception {
        ProofRun run = ProofRun.of(PROJECT.resolve("environments/lab.yaml"), PROJECT, reports);
        Path folder = run.runFolder(reports);
        String manifest = Files.readString(folder.resolve("MANIFEST.sha256"));
        List<String> oscal = List.of("assessment-results.json", "assessment-plan.json", "system-security-plan.json", "checklist-profile.json",
                "checklist-catalog.json");
        oscal.forEach(file -> assertThat(manifest).contains("  " + file + "\n"));
        Path unpacked = Files.createDirectories(reports.resolve("unpacked"));
        try (ZipFile zip = new ZipFile(folder.resolve("evidence-lab-" + folder.getFileName() + ".zip").toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                Path file = unpacked.resolve(entry.getName());
                Files.createDirectories(file.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, file);
                }
            }
        }
        Path results = unpacked.resolve("assessment-results.json");
        assertThat(OscalValidation.of(results).problems()).as("liboscal-java's validation of the unpacked bundle").isEmpty();

        AssessmentResultsAssert ar = AssessmentResultsAssert.assertThat(results);
        assertThat(ar.result().getObservations()).hasSize(run.summary().path("results").size());
        run.summary().path("results").forEach(r -> ar.hasObservation(r.path("control").asText(), r.path("target").asText(),
                r.path("outcome").asText()));
        List<BackMatter.Resource> evidence = ar.actual().getBackMatter().getResources();
        assertThat(evidence).extracting(r -> r.getRlinks().get(0).getHref().toString()).contains("summary.json", "snapshot.xml", "collect.ps1",
                "environment.yaml");
        for (BackMatter.Resource resource : evidence) {
            String path = resource.getRlinks().get(0).getHref().toString();
            assertThat(resource.getRlinks().get(0).getHashes().get(0).getValue()).as(path)
                    .isEqualTo(EvidenceFile.of(path, unpacked.resolve(path)).sha256());
        }
    }

    @Test
    void everyLiveResultRestsOnItsTranscriptKeptInTheBundle() throws Exception {
        ProofRun run = ProofRun.of(PROJECT.resolve("environments/lab.yaml"), PROJECT, reports);
        Path folder = run.runFolder(reports);
        String manifest = Files.readString(folder.resolve("MANIFEST.sha256"));
        AssessmentResultsAssert ar = AssessmentResultsAssert.assertThat(folder.resolve("assessment-results.json"));
        java.util.Map<String, String> resources = new java.util.HashMap<>();
        ar.actual().getBackMatter().getResources().forEach(r -> resources.put(r.getUuid().toString(), r.getRlinks().get(0).getHref().toString()));

        List<String> live = new ArrayList<>();
        run.summary().path("results").forEach(r -> {
            if (r.path("control").asText().startsWith("LIVE-")) {
                String control = r.path("control").asText();
                String target = r.path("target").asText();
                String transcript = r.path("transcript").asText();
                live.add(transcript);
                assertThat(transcript).as(control + " on " + target).isEqualTo(uccx.compliance.evidence.KeptTranscript.pathOf(control, target));
                assertThat(folder.resolve(transcript)).as(transcript).isRegularFile().content().isNotBlank();
                assertThat(manifest).contains("  " + transcript + "\n");
                assertThat(ar.observation(control, target).getRelevantEvidence())
                        .extracting(e -> resources.get(e.getHref().toString().substring(1)))
                        .as("what the OSCAL observation of " + control + " on " + target + " rests on").contains("summary.json", transcript);
            }
        });
        assertThat(live).as("the lab's live results").hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void theBundledEnvironmentHoldsNoSecret() throws Exception {
        ProofRun run = ProofRun.of(PROJECT.resolve("environments/lab.yaml"), PROJECT, reports);
        Path folder = run.runFolder(reports);
        String all = new String(Files.readAllBytes(folder.resolve("environment.yaml")), StandardCharsets.UTF_8)
                + Files.readString(folder.resolve("summary.json")) + Files.readString(folder.resolve("snapshot.xml"));
        assertThat(all).doesNotContainIgnoringCase("password:").doesNotContain("lab-audit-");
    }
}
