package uccx.compliance.proofs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs the whole suite in-process as {@link ProofRun} does, but through the JUnit Platform
 * launcher with Allure listening, so a proof can read what the report will show: every result's
 * description, parameters, links and attachments. (Allure does not see runs inside EngineTestKit.)
 *
 * <p>Allure's API finds its lifecycle in one static place; it is pointed at this run's results
 * folder for the run and given back afterwards, so the outer test run's report is not mixed in.
 */
public record ReportedRun(Path results, List<JsonNode> testResults) {

    public static ReportedRun of(Path environmentFile, Path projectDir, Path reportsDir, Path results) {
        return of(environmentFile, projectDir, reportsDir, results, Map.of());
    }

    /** @param configuration further JUnit configuration parameters, for example {@code uccx.variable.<NAME>} */
    public static ReportedRun of(Path environmentFile, Path projectDir, Path reportsDir, Path results, Map<String, String> configuration) {
        return of(environmentFile, projectDir, reportsDir, results, configuration, Optional.empty());
    }

    /**
     * As above, and the run's JUnit XML written into {@code junitXml}, with each test's standard
     * output and error captured into it, as failsafe writes {@code target/failsafe-reports}.
     */
    public static ReportedRun of(Path environmentFile, Path projectDir, Path reportsDir, Path results, Map<String, String> configuration,
                                 Path junitXml) {
        return of(environmentFile, projectDir, reportsDir, results, configuration, Optional.of(junitXml));
    }

    private static ReportedRun of(Path environmentFile, Path projectDir, Path reportsDir, Path results, Map<String, String> configuration,
                                  Optional<Path> junitXml) {
        AllureLifecycle previous = Allure.getLifecycle();
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
        Allure.setLifecycle(lifecycle);
        try {
            LauncherConfig.Builder config = LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(new AllureJunitPlatform(lifecycle));
            junitXml.ifPresent(dir -> config.addTestExecutionListeners(
                    new LegacyXmlReportGeneratingListener(dir, new PrintWriter(System.err, true))));
            Launcher launcher = LauncherFactory.create(config.build());
            org.junit.platform.launcher.listeners.SummaryGeneratingListener summary = new org.junit.platform.launcher.listeners.SummaryGeneratingListener();
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(ProofRun.CONTROL_CLASSES.stream().map(DiscoverySelectors::selectClass).toList())
                    .configurationParameters(configuration)
                    .configurationParameters(junitXml.isPresent()
                            ? Map.of("junit.platform.output.capture.stdout", "true", "junit.platform.output.capture.stderr", "true")
                            : Map.of())
                    .configurationParameters(Map.of("env", environmentFile.toString(), "uccx.projectDir", projectDir.toString(),
                            "uccx.reportsDir", reportsDir.toString(), "allure.results.directory", results.toString()))
                    .build(), summary);
            // A lab violation (a writing command, a read-write folder, DATA) fails the run as a whole, not one test.
            if (summary.getSummary().getContainersFailedCount() > 0) {
                throw new AssertionError("the run itself failed: " + summary.getSummary().getFailures().stream()
                        .map(f -> f.getException().getMessage()).toList());
            }
        } finally {
            Allure.setLifecycle(previous);
        }
        return new ReportedRun(results, read(results));
    }

    private static List<JsonNode> read(Path results) {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(results)) {
            List<JsonNode> read = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).sorted().toList()) {
                read.add(json.readTree(file.toFile()));
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the Allure results in " + results, e);
        }
    }

    /** The result of one control on one target, by the name the report shows ("IMAP-01 ... · EXCH01"). */
    JsonNode result(String control, String target) {
        return testResults.stream().filter(r -> r.path("name").asText().startsWith(control + " ")
                        && r.path("name").asText().endsWith(" · " + target)).findFirst()
                .orElseThrow(() -> new AssertionError("no Allure result for " + control + " on " + target + " among "
                        + testResults.stream().map(r -> r.path("name").asText()).toList()));
    }

    /** The text of the attachment of a result whose name starts with {@code prefix}, if there is one. */
    Optional<String> attachment(JsonNode result, String prefix) {
        for (JsonNode attachment : result.path("attachments")) {
            if (attachment.path("name").asText().startsWith(prefix)) {
                try {
                    return Optional.of(Files.readString(results.resolve(attachment.path("source").asText())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Optional.empty();
    }
}
