package uccx.compliance.proofs;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs the whole suite (every control class) in-process against one environment file, as
 * {@code mvn verify -Denv=<file>} would, and reads back the run's {@code summary.json}.
 */
public record ProofRun(EngineExecutionResults engine, JsonNode summary) {

    /**
     * The checklist's test classes, by name (they belong to the checklist, not to the proofs), in the
     * order a build runs them (@Order): the live probes first, while the collection is under way.
     */
    static final List<String> CONTROL_CLASSES = List.of("LiveControls", "ScopeControls", "ImapControls", "ServiceControls", "SmtpControls",
            "ThrottlingControls", "MailboxControls").stream().map(name -> "uccx.compliance.controls." + name).toList();

    /**
     * The whole suite against the compliant {@code environments/lab.yaml} with one change, written to
     * {@code target/proof-environments/<name>.yaml} so that the environment a proof used can be read.
     */
    public static ProofRun ofChangedLab(Path projectDir, Path reportsDir, String name, java.util.function.Consumer<LabVariant> change) {
        LabVariant variant = LabVariant.ofCompliantLab(projectDir);
        change.accept(variant);
        return of(variant.writeTo(projectDir.resolve("target/proof-environments"), name), projectDir, reportsDir);
    }

    public static ProofRun of(Path environmentFile, Path projectDir, Path reportsDir) {
        return of(environmentFile, projectDir, reportsDir, java.util.Map.of());
    }

    /** @param variables environment variables the environment file's ${VAR} references see */
    public static ProofRun of(Path environmentFile, Path projectDir, Path reportsDir, java.util.Map<String, String> variables) {
        return of(environmentFile, projectDir, reportsDir, variables, java.util.Map.of());
    }

    /** @param configuration further JUnit configuration parameters, for example {@code snapshot} */
    public static ProofRun of(Path environmentFile, Path projectDir, Path reportsDir, java.util.Map<String, String> variables,
                       java.util.Map<String, String> configuration) {
        var request = EngineTestKit.engine("junit-jupiter")
                // the test kit reads no junit-platform.properties: order the classes as a build does
                .configurationParameter("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
                .configurationParameters(configuration)
                .configurationParameter("uccx.variables", String.join(",", variables.keySet()));
        variables.forEach((name, value) -> request.configurationParameter("uccx.variable." + name, value));
        EngineExecutionResults results = request
                .configurationParameter("env", environmentFile.toString())
                .configurationParameter("uccx.projectDir", projectDir.toString())
                .configurationParameter("uccx.reportsDir", reportsDir.toString())
                .selectors(CONTROL_CLASSES.stream().map(c -> selectClass(c)).toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
        String name = environmentFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        try {
            JsonNode summary = new ObjectMapper().readTree(reportsDir.resolve(name).resolve("latest/summary.json").toFile());
            return new ProofRun(results, summary);
        } catch (IOException e) {
            String why = results.allEvents().stream()
                    .flatMap(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class).stream())
                    .flatMap(result -> result.getThrowable().stream()).map(Throwable::getMessage).distinct()
                    .reduce((a, b) -> a + "; " + b).orElse("no failure reported");
            throw new UncheckedIOException("the run wrote no summary under " + reportsDir.resolve(name) + ": " + why, e);
        }
    }

    /** Every result as "CONTROL target outcome". */
    public List<String> outcomes() {
        List<String> lines = new ArrayList<>();
        summary.path("results").forEach(r -> lines.add(r.path("control").asText() + " " + r.path("target").asText() + " "
                + r.path("outcome").asText()));
        return lines;
    }

    public List<JsonNode> results() {
        List<JsonNode> list = new ArrayList<>();
        summary.path("results").forEach(list::add);
        return list;
    }

    public String messageOf(String control, String target) {
        return results().stream().filter(r -> r.path("control").asText().equals(control) && r.path("target").asText().equals(target))
                .map(r -> r.path("message").asText()).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + control + " on " + target + " in " + outcomes()));
    }

    /** The folder of this run under the reports directory, as latest/RUN names it. */
    public Path runFolder(Path reportsDir) {
        String name = summary.path("environment").asText();
        try {
            return reportsDir.resolve(name).resolve(java.nio.file.Files.readString(reportsDir.resolve(name).resolve("latest/RUN")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int remoteCommands() {
        return summary.path("remoteCommands").asInt(-1);
    }
}
