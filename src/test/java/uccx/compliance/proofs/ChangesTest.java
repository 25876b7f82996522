package uccx.compliance.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What changed, read the way its consumers read it: the second run's {@code summary.json}
 * {@code changes}, and the report's Overview ({@code environment.properties} in the Allure results),
 * after the lab ran compliant and then with one setting violated; and {@code -Dcompare} with the
 * evidence zip a change board keeps.
 */
@Tag("proof")
class ChangesTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));
    private static final Path ENVIRONMENTS = PROJECT.resolve("target/proof-environments");
    private static final String NAME = "changes";

    @TempDir
    Path work;

    private static Path compliant() {
        return LabVariant.ofCompliantLab(PROJECT).writeTo(ENVIRONMENTS, NAME);
    }

    private static Path maxConnectionsOnExch02(int value) {
        LabVariant lab = LabVariant.ofCompliantLab(PROJECT);
        ((ObjectNode) lab.server("EXCH02").get("imapSettings")).put("MaxConnections", value);
        return lab.writeTo(ENVIRONMENTS, NAME);
    }

    private static JsonNode latestSummary(Path reports) throws IOException {
        return new ObjectMapper().readTree(reports.resolve(NAME).resolve("latest/summary.json").toFile());
    }

    @Test
    void theSecondRunNamesExactlyTheControlTargetAndSettingThatChangedAndTheReportSaysItFirst() throws IOException {
        Path reports = work.resolve("reports");
        ReportedRun.of(compliant(), PROJECT, reports, work.resolve("first-results"));
        JsonNode first = latestSummary(reports);
        Path results = work.resolve("second-results");
        ReportedRun.of(maxConnectionsOnExch02(16), PROJECT, reports, results);
        JsonNode second = latestSummary(reports);

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(first.path("comparedWith").isNull()).as("the first run has nothing to compare with").isTrue();
            softly.assertThat(first.path("changes")).isEmpty();
            softly.assertThat(second.path("comparedWith").asText()).isEqualTo(first.path("run").asText());
            softly.assertThat(second.path("changes")).singleElement().satisfies(change -> {
                softly.assertThat(change.path("control").asText()).isEqualTo("IMAP-01");
                softly.assertThat(change.path("target").asText()).isEqualTo("EXCH02");
                softly.assertThat(change.path("from").asText()).isEqualTo("compliant");
                softly.assertThat(change.path("to").asText()).isEqualTo("non-compliant");
                softly.assertThat(change.path("settings")).singleElement().satisfies(setting -> {
                    softly.assertThat(setting.path("name").asText()).isEqualTo("MaxConnections");
                    softly.assertThat(setting.path("before").asText()).isEqualTo("2400");
                    softly.assertThat(setting.path("after").asText()).isEqualTo("16");
                });
            });
        });
        // the report's Overview, its environment panel, as Allure reads environment.properties
        Properties overview = new Properties();
        try (Reader in = Files.newBufferedReader(results.resolve("environment.properties"))) {
            overview.load(in);
        }
        assertThat(overview.getProperty("CHANGES")).isEqualTo("1 change since " + first.path("run").asText()
                + ": IMAP-01 EXCH02 compliant -> non-compliant (MaxConnections 2400 -> 16)");
    }

    @Test
    void compareTakesTheEvidenceZipOfAnEarlierRunAndRefusesWhatIsNoneInOneWarning() throws IOException {
        Path earlierReports = work.resolve("earlier");
        ProofRun violated = ProofRun.of(maxConnectionsOnExch02(16), PROJECT, earlierReports);
        Path zip;
        try (var files = Files.list(violated.runFolder(earlierReports))) {
            zip = files.filter(f -> f.getFileName().toString().startsWith("evidence-")).findFirst().orElseThrow();
        }

        // a fresh reports folder: without -Dcompare there would be nothing to compare with
        ProofRun fixed = ProofRun.of(compliant(), PROJECT, work.resolve("tonight"), Map.of(), Map.of("compare", zip.toString()));
        Path nothing = work.resolve("no-such-run");
        ProofRun refused = ProofRun.of(compliant(), PROJECT, work.resolve("refused"), Map.of(), Map.of("compare", nothing.toString()));

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(fixed.summary().path("comparedWith").asText()).isEqualTo(violated.summary().path("run").asText());
            softly.assertThat(fixed.summary().path("changes")).singleElement().satisfies(change -> {
                softly.assertThat(change.path("control").asText() + " " + change.path("target").asText()).isEqualTo("IMAP-01 EXCH02");
                softly.assertThat(change.path("from").asText() + " -> " + change.path("to").asText())
                        .isEqualTo("non-compliant -> compliant");
                softly.assertThat(change.path("settings").toString()).isEqualTo("[{\"name\":\"MaxConnections\",\"before\":\"16\",\"after\":\"2400\"}]");
            });
            softly.assertThat(refused.summary().path("comparedWith").isNull()).isTrue();
            softly.assertThat(refused.summary().path("warnings")).singleElement().extracting(JsonNode::asText)
                    .isEqualTo("No comparison with an earlier run: -Dcompare=" + nothing + " does not exist");
            // the run itself still ran
            softly.assertThat(refused.summary().path("outcomes").path("compliant").asInt()).isPositive();
        });
    }
}
