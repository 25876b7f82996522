package uccx.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uccx.compliance.evidence.AllureCli;
import uccx.compliance.evidence.AllureReport;
import uccx.compliance.proofs.ReportedRun;
import uccx.compliance.proofs.LabVariant;

/**
 * The report as its reader sees it: a non-compliant lab run recorded by Allure, published with the
 * build's own {@link AllureReport}, and {@code report.html} opened in headless Chromium from the
 * file system. The tree must show the controls with the statuses the run's summary gives them.
 * The picture it takes is {@code target/report-noncompliant.png} (the README's, in docs/).
 */
@Tag("proof")
class ReportInBrowserTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));
    private static final Path ENVIRONMENTS = PROJECT.resolve("target/proof-environments");
    private static final Path ALLURE_HOME = Path.of(System.getProperty("allure.home", PROJECT.resolve("target/allure-2.34.0").toString()));
    private static final String NAME = "report-noncompliant";
    private static final Map<String, String> STATUS_OF_OUTCOME = Map.of("compliant", "passed", "non-compliant", "failed",
            "could-not-verify", "broken", "waived", "skipped", "not-applicable", "skipped");

    @TempDir
    Path work;

    @Test
    void aNonCompliantLabRunShowsItsFailedControlsInTheBrowser() throws IOException {
        HeadlessChromium chromium = browserOrSkip();
        LabVariant variant = LabVariant.ofCompliantLab(PROJECT);
        ((ObjectNode) variant.server("EXCH02").get("imapSettings")).put("MaxConnections", 16);
        variant.policy("UCCX").put("IMAPMaxConcurrency", 20);
        variant.lab().withObject("/faults").withArray("failures").addObject().put("fact", "registry").put("target", "EXCH02")
                .put("message", "Attempted to perform an unauthorized operation.").put("errorId", "UnauthorizedAccessException");
        Path environment = variant.writeTo(ENVIRONMENTS, NAME);
        Path reports = work.resolve("reports");
        Path results = work.resolve("allure-results");

        assertThat(ReportedRun.of(environment, PROJECT, reports, results).testResults()).as("controls run").hasSizeGreaterThan(10);
        AllureReport.Published published = new AllureReport(new AllureCli(ALLURE_HOME))
                .publish(results, reports.resolve(NAME), NAME, environment, Optional.empty());

        JsonNode summary = new ObjectMapper().readTree(published.runFolder().resolve("summary.json").toFile());
        Map<String, Long> expected = new java.util.TreeMap<>();
        summary.path("results").forEach(r -> expected.merge(STATUS_OF_OUTCOME.get(r.path("outcome").asText()), 1L, Long::sum));
        assertThat(expected).as("the variant's outcomes").containsEntry("failed", 2L).containsEntry("broken", 1L);

        String url = published.singleFile().toUri() + "#suites";
        ReportPage page = ReportPage.of(chromium.dumpDom(url));
        assertThat(page.statusCounts()).as("status counts the tree shows").containsAllEntriesOf(expected);
        assertThat(page.statusOf("IMAP-01", "EXCH02")).isEqualTo("Failed");
        assertThat(page.statusOf("THR-02", "")).isEqualTo("Failed");
        assertThat(page.statusOf("IMAP-02", "EXCH02")).isEqualTo("Broken");
        assertThat(page.statusOf("IMAP-01", "EXCH01")).isEqualTo("Passed");
        assertThat(page.leaves()).as("one leaf per result").hasSize(summary.path("results").size());
        // The picture opens the first non-compliant result, as a reader would: its suite unfolded beside the message.
        chromium.screenshot(published.singleFile().toUri() + page.leaf("IMAP-01", "EXCH02").link(),
                PROJECT.resolve("target/report-noncompliant.png"), 1400, 1600);

        // the Overview, where the report opens: its title says what changed since the earlier run (the
        // first words on the page), the environment panel lists the changes
        String overview = chromium.dumpDom(published.singleFile().toUri().toString());
        String title = "UCCX compliance of " + NAME + ": no earlier run to compare with";
        assertThat(new ObjectMapper().readTree(published.site().resolve("widgets/summary.json").toFile()).path("reportName").asText())
                .as("the report's name").isEqualTo(title);
        assertThat(overview).as("the Overview's title").contains(title);
        assertThat(overview).as("the Overview's environment panel").contains("CHANGES");

        assertThat(reports.resolve(NAME).resolve("latest").resolve(AllureReport.SINGLE_FILE)).hasSameBinaryContentAs(published.singleFile());
        assertThat(Files.readString(published.runFolder().resolve("MANIFEST.sha256")))
                .contains("  report.html\n", "  allure-report/index.html\n");
    }

    private static HeadlessChromium browserOrSkip() {
        List<String> missing = new ArrayList<>();
        Optional<HeadlessChromium> chromium = HeadlessChromium.onPath(missing);
        new AllureCli(ALLURE_HOME).whatIsMissing().ifPresent(missing::add);
        if (!missing.isEmpty()) {
            String why = "cannot look at the report without " + String.join("; ", missing);
            if (Boolean.getBoolean(HeadlessChromium.REQUIRED_PROPERTY)) {
                fail(why);
            }
            abort(why);
        }
        return chromium.orElseThrow();
    }

    /** What Allure's tree page shows once rendered: the status toggles' counts and each leaf's name and status. */
    record ReportPage(Map<String, Long> statusCounts, Map<String, Leaf> leaves) {

        /** @param link the page's own anchor to the result, {@code #suites/<suite>/<result>/} */
        record Leaf(String status, String link) {
        }

        private static final java.util.regex.Pattern COUNT = java.util.regex.Pattern.compile(
                "data-status=\"(\\w+)\"[^>]*>(\\d+)<");
        private static final java.util.regex.Pattern LEAF = java.util.regex.Pattern.compile(
                "<a class=\"node node__leaf\" href=\"([^\"]*)\".*?data-tooltip=\"(\\w+)\".*?<div class=\"node__name\">\\s*(.*?)\\s*</div>",
                java.util.regex.Pattern.DOTALL);

        static ReportPage of(String dom) {
            Map<String, Long> counts = new java.util.TreeMap<>();
            COUNT.matcher(dom).results().forEach(m -> counts.put(m.group(1), Long.parseLong(m.group(2))));
            Map<String, Leaf> leaves = LEAF.matcher(dom).results().collect(Collectors.toMap(m -> m.group(3),
                    m -> new Leaf(m.group(2), m.group(1)), (a, b) -> a, java.util.LinkedHashMap::new));
            return new ReportPage(counts, leaves);
        }

        /** The status of the one leaf of that control whose name ends with the target. */
        String statusOf(String control, String target) {
            return leaf(control, target).status();
        }

        Leaf leaf(String control, String target) {
            List<Leaf> found = leaves.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(control + " ") && e.getKey().endsWith(target)).map(Map.Entry::getValue).toList();
            assertThat(found).as(control + " " + target + " among " + leaves.keySet()).hasSize(1);
            return found.get(0);
        }
    }
}
