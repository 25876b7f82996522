package uccx.compliance.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which earlier run a run compares itself with, and what it refuses to compare with. */
class BaselineTest {

    private static final Instant STARTED = Instant.parse("2026-11-27T02:15:00Z");

    @TempDir
    Path work;

    private Path run(String environment, Instant started, Outcome outcome) {
        RunSummary summary = new RunSummary(environment, started, List.of("IMAP-01"));
        summary.add(new ControlResult("IMAP-01", "EXCH01", outcome, outcome.label(),
                List.of(new JudgedSetting("MaxConnections", "at least 2400", "2400", true))));
        return summary.write(work.resolve("reports").resolve(environment), started.plusSeconds(60), 1);
    }

    @Test
    void byDefaultTheNewestRunFolderOfTheEnvironment() {
        run("prod", STARTED, Outcome.COMPLIANT);
        run("prod", STARTED.plusSeconds(86_400), Outcome.NON_COMPLIANT);
        // the same second twice: the later one is "-2", and "-10" is later still
        for (int i = 0; i < 10; i++) {
            run("prod", STARTED.plusSeconds(2 * 86_400), Outcome.COMPLIANT);
        }

        Baseline chosen = Baseline.choose(Optional.empty(), work.resolve("reports/prod"), "prod");

        assertThat(chosen.refusal()).isEmpty();
        assertThat(chosen.run()).get().extracting(EarlierRun::runId).isEqualTo("20261129T021500Z-10");
    }

    @Test
    void noEarlierRunIsNoComparisonAndNoComplaint() {
        Baseline chosen = Baseline.choose(Optional.empty(), work.resolve("reports/prod"), "prod");

        assertThat(chosen.run()).isEmpty();
        assertThat(chosen.refusal()).isEmpty();
    }

    @Test
    void compareReadsARunFolderASummaryAnywhereOrAnEvidenceZip() throws IOException {
        Path folder = run("prod", STARTED, Outcome.NON_COMPLIANT);
        Path copied = Files.createDirectories(work.resolve("previous-build/reports/prod/latest")).resolve("summary.json");
        Files.copy(folder.resolve("summary.json"), copied);
        Path zip = EvidenceBundle.seal(folder, Path.of(System.getProperty("uccx.projectDir", ".")).resolve("environments/lab.yaml"), "prod");

        SoftAssertions.assertSoftly(softly -> {
            for (Path source : List.of(folder, copied, zip)) {
                Baseline chosen = Baseline.choose(Optional.of(source), work.resolve("reports/prod"), "prod");
                softly.assertThat(chosen.refusal()).as(source.toString()).isEmpty();
                softly.assertThat(chosen.run()).as(source.toString()).get().satisfies(earlier -> {
                    softly.assertThat(earlier.runId()).isEqualTo("20261127T021500Z");
                    softly.assertThat(earlier.settingsRecorded()).isTrue();
                    softly.assertThat(earlier.results()).singleElement().extracting(ControlResult::outcome).isEqualTo(Outcome.NON_COMPLIANT);
                    softly.assertThat(earlier.results().get(0).settings()).extracting(JudgedSetting::found).containsExactly("2400");
                });
            }
        });
    }

    @Test
    void aRunOfAnotherEnvironmentIsRefusedInOneLine() {
        Path lab = run("lab", STARTED, Outcome.COMPLIANT);

        Baseline chosen = Baseline.choose(Optional.of(lab), work.resolve("reports/prod"), "prod");

        assertThat(chosen.run()).isEmpty();
        assertThat(chosen.refusal()).get().asString().isEqualTo("No comparison with an earlier run: -Dcompare=" + lab
                + " is a run of environment 'lab', not 'prod'");
    }

    @Test
    void somethingThatIsNoSummaryIsRefusedSayingWhy() throws IOException {
        Path missing = work.resolve("nowhere/summary.json");
        Path notJson = Files.writeString(work.resolve("summary.json"), "<html>");
        Path notASummary = Files.writeString(work.resolve("other.json"), "{\"name\": \"x\"}");
        Path zipWithout = zip(work.resolve("evidence-prod-20261127T021500Z.zip"), "report.html", "<html></html>".getBytes());

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(refusal(missing)).endsWith("summary.json does not exist");
            softly.assertThat(refusal(notJson)).contains("is not JSON");
            softly.assertThat(refusal(notASummary)).endsWith("is not a run summary (no environment or results)");
            softly.assertThat(refusal(zipWithout)).endsWith("holds no summary.json: not an evidence zip of this suite");
            softly.assertThat(List.of(refusal(missing), refusal(notJson), refusal(notASummary), refusal(zipWithout)))
                    .allSatisfy(line -> softly.assertThat(line).startsWith("No comparison with an earlier run: ").doesNotContain("\n"));
        });
    }

    @Test
    void fromAZipOnlyTheTopLevelSummaryIsReadAndNeverMoreThanTheBound() throws IOException {
        // an entry that climbs out of the folder is not what is read, whatever it holds
        Path climbing = zip(work.resolve("climbing.zip"), "../summary.json",
                "{\"environment\": \"prod\", \"results\": []}".getBytes());
        // a summary.json whose header may say anything: its content is counted while read
        byte[] huge = new byte[(int) EarlierRun.LARGEST + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        Path tooLarge = zip(work.resolve("large.zip"), "summary.json", huge);

        assertThat(refusal(climbing)).endsWith("holds no summary.json: not an evidence zip of this suite");
        assertThat(refusal(tooLarge)).endsWith("its summary.json is larger than " + EarlierRun.LARGEST + " bytes");
        assertThat(work.resolve("summary.json")).doesNotExist();
    }

    @Test
    void aSummaryWrittenBeforeRunsNamedThemselvesTakesItsIdFromItsFolderAndHasNoSettings() throws IOException {
        Path folder = Files.createDirectories(work.resolve("reports/prod/20261120T021500Z"));
        Files.writeString(folder.resolve("summary.json"), """
                {"environment": "prod", "started": "2026-11-20T02:15:00Z", "finished": "2026-11-20T02:16:00Z",
                 "results": [{"control": "IMAP-01", "target": "EXCH01", "outcome": "compliant", "message": "compliant"}]}
                """);

        Baseline chosen = Baseline.choose(Optional.empty(), work.resolve("reports/prod"), "prod");

        assertThat(chosen.run()).get().satisfies(earlier -> {
            assertThat(earlier.runId()).isEqualTo("20261120T021500Z");
            assertThat(earlier.settingsRecorded()).isFalse();
        });
    }

    private String refusal(Path source) {
        Baseline chosen = Baseline.choose(Optional.of(source), work.resolve("reports/prod"), "prod");
        assertThat(chosen.run()).isEmpty();
        return chosen.refusal().orElseThrow();
    }

    private static Path zip(Path file, String entry, byte[] content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return file;
    }
}
