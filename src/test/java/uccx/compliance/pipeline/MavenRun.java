package uccx.compliance.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uccx.compliance.evidence.ControlResult;
import uccx.compliance.evidence.Outcome;
import uccx.compliance.evidence.RunSummary;

/**
 * The {@code mvn verify} of one site, played on the stand-in agent: it writes what a real run leaves
 * in the workspace (the summary by {@link RunSummary} itself, so the verdict reads the keys a real
 * run writes; an evidence zip, report.html, JUnit and Allure results) and exits as Maven would.
 * It remembers what it found when it started, and the variables it saw.
 */
final class MavenRun implements Shell {

    private final String site;
    private final List<Outcome> outcomes;
    private final int exitCode;
    private final Map<String, Object> credentialState;
    private final List<String> commands = new ArrayList<>();
    private Map<String, Object> environment;
    private List<Path> foundAtStart;

    private MavenRun(String site, List<Outcome> outcomes, int exitCode, Map<String, Object> credentialState) {
        this.site = site;
        this.outcomes = outcomes;
        this.exitCode = exitCode;
        this.credentialState = credentialState;
    }

    /** A run that reaches the controls and judges them with these outcomes. */
    static MavenRun judging(String site, List<Outcome> outcomes) {
        return new MavenRun(site, outcomes, 0, null);
    }

    /** As {@link #judging}, with the summary's {@code credentials.uccx} set to this state. */
    static MavenRun judging(String site, List<Outcome> outcomes, Map<String, Object> uccxCredential) {
        return new MavenRun(site, outcomes, 0, uccxCredential);
    }

    /** A run Maven stops before any control (a refused environment file): no summary, this exit code. */
    static MavenRun stoppedBeforeAnyControl(String site, int exitCode) {
        return new MavenRun(site, null, exitCode, null);
    }

    @Override
    public int run(String step, String script, Path directory, Map<String, Object> env) throws IOException {
        commands.add(step + " " + script);
        environment = env;
        try (var files = Files.walk(directory)) {
            foundAtStart = files.filter(Files::isRegularFile).map(directory::relativize).sorted().toList();
        }
        if (outcomes != null) {
            writeReports(directory);
        }
        return exitCode;
    }

    List<String> commands() {
        return List.copyOf(commands);
    }

    /** The variables the command saw; null if it never ran. */
    Map<String, Object> environment() {
        return environment;
    }

    /** The workspace's files, relative to it, when the command started; null if it never ran. */
    List<Path> foundAtStart() {
        return foundAtStart;
    }

    private void writeReports(Path workspace) throws IOException {
        Instant started = Instant.parse("2026-03-02T02:00:00Z");
        RunSummary summary = new RunSummary(site, started, List.of("IMAP-01"));
        for (int i = 0; i < outcomes.size(); i++) {
            summary.add(new ControlResult("IMAP-01", "EXCH0" + (i + 1), outcomes.get(i), outcomes.get(i).label()));
        }
        Path reports = workspace.resolve("reports").resolve(site);
        Path run = summary.write(reports, started.plusSeconds(90), 1);
        Files.writeString(run.resolve("evidence-" + site + "-" + run.getFileName() + ".zip"), "zip");
        Files.writeString(reports.resolve("latest").resolve("report.html"), "<html></html>");
        if (credentialState != null) {
            Path latest = reports.resolve("latest").resolve("summary.json");
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode json = (ObjectNode) mapper.readTree(latest.toFile());
            json.putObject("credentials").set("uccx", mapper.valueToTree(credentialState));
            mapper.writeValue(latest.toFile(), json);
        }
        Path failsafe = Files.createDirectories(workspace.resolve("target/failsafe-reports"));
        Files.writeString(failsafe.resolve("TEST-uccx.xml"), "<testsuite/>");
        Path allure = Files.createDirectories(workspace.resolve("target/allure-results"));
        Files.writeString(allure.resolve("result.json"), "{}");
    }
}
