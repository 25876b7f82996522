package uccx.compliance.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build step around the Allure command line; the report itself is looked at by ReportInBrowserTest. */
class AllureReportTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AllureReport.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void withoutResultsItSaysSoInOneLineAndDoesNotFailTheBuild() {
        // -DskipITs: the controls did not run, so there is nothing to report on
        int status = run(dir.resolve("allure-results").toString(), dir.resolve("reports").toString(), "lab",
                dir.resolve("no-allure").toString(), PROJECT.toString());

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("No Allure report: no Allure results in");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void resultsWithoutARunFolderAreOneLineToo() throws IOException {
        Path results = Files.createDirectories(dir.resolve("allure-results"));
        Files.writeString(results.resolve("1-result.json"), "{}");

        int status = run(results.toString(), dir.resolve("reports").toString(), "lab", dir.toString(), PROJECT.toString());

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("No Allure report: no run in").hasLineCount(1);
    }

    @Test
    void aBrokenCallIsOneLineNoStackTrace() {
        assertThat(run("only", "two")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: AllureReport").hasLineCount(1);
    }

    @Test
    void theHistoryComesFromTheNewestEarlierRunThatHasAReport() throws IOException {
        Path lab = dir.resolve("lab");
        Files.createDirectories(lab.resolve("20261124T031500Z/allure-report/history"));
        Files.createDirectories(lab.resolve("20261125T031500Z/allure-report/history"));
        Files.createDirectories(lab.resolve("20261125T120000Z")); // -DskipITs or a failed report: no history to carry
        Files.createDirectories(lab.resolve("20261127T031500Z/allure-report/history")); // later than the run: not its past
        Files.createDirectories(lab.resolve("latest"));

        assertThat(AllureReport.previousRun(lab, lab.resolve("20261126T031500Z"))).contains(lab.resolve("20261125T031500Z"));
        assertThat(AllureReport.previousRun(lab, lab.resolve("20261124T031500Z"))).isEmpty();
    }

    @Test
    void theReportsTitleSaysWhatChangedSinceTheRunItWasComparedWith() throws IOException {
        RecordedRun compared = recorded("compared", """
                {"environment": "prod", "results": [], "comparedWith": "20261127T021500Z", "changes": [
                  {"control": "IMAP-01", "target": "EXCH02", "from": "compliant", "to": "non-compliant", "settings": []},
                  {"control": "IMAP-02", "target": "EXCH02", "from": "compliant", "to": "non-compliant", "settings": []},
                  {"control": "SMTP-01", "target": "EXCH03\\\\UCCX Relay", "from": null, "to": "compliant", "settings": []}]}
                """);
        RecordedRun unchanged = recorded("unchanged", """
                {"environment": "prod", "results": [], "comparedWith": "20261127T021500Z", "changes": []}
                """);
        RecordedRun first = recorded("first", """
                {"environment": "prod", "results": [], "comparedWith": null, "changes": []}
                """);

        assertThat(AllureReport.reportName("prod", compared)).isEqualTo("UCCX compliance of prod: 3 changes since 20261127T021500Z");
        assertThat(AllureReport.reportName("prod", unchanged)).isEqualTo("UCCX compliance of prod: no changes since 20261127T021500Z");
        assertThat(AllureReport.reportName("prod", first)).isEqualTo("UCCX compliance of prod: no earlier run to compare with");
    }

    private RecordedRun recorded(String folder, String summary) throws IOException {
        Path run = Files.createDirectories(dir.resolve(folder));
        Files.writeString(run.resolve("summary.json"), summary);
        return RecordedRun.read(run);
    }
}
