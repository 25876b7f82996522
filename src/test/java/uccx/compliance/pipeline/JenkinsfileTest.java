package uccx.compliance.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uccx.compliance.evidence.ControlResult;
import uccx.compliance.evidence.Outcome;
import uccx.compliance.evidence.RunSummary;

/**
 * The Jenkinsfile, run with recording stand-ins for the Jenkins steps: what it asks Jenkins to do,
 * and which build result each summary.json gives. The summaries are written by RunSummary itself,
 * so the verdict reads the keys a real run writes.
 */
class JenkinsfileTest {

    private static final String MAVEN = "mvn -B verify -Denv=${ENV} -Dmaven.test.failure.ignore=true";
    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", "."));

    @TempDir
    Path workspace;

    private final Jenkinsfile jenkinsfile = Jenkinsfile.ofProject();

    @Test
    void compilesAsGroovy() throws IOException {
        assertThat(jenkinsfile.parse()).isNotNull();
    }

    @Test
    void runsNightlyWithinATimeoutAndOffersOneSiteOrAll() throws IOException {
        PipelineRecorder build = nightly();

        assertThat(only(build, "cron").argument()).isEqualTo("H 2 * * *");
        assertThat(only(build, "cron").isInside("triggers")).isTrue();
        Step timeout = only(build, "timeout");
        assertThat(timeout.isInside("options")).isTrue();
        assertThat(timeout.arguments()).containsExactly(Map.of("time", 2, "unit", "HOURS"));
        assertThat(only(build, "choice").argument("name")).isEqualTo("SITE");
        assertThat(only(build, "choice").argument("choices")).isEqualTo(Stream.concat(Stream.of("all"), sites(build).stream()).toList());
    }

    @Test
    void eachSiteRunsOnItsOwnAgent() throws IOException {
        PipelineRecorder build = nightly();

        assertThat(sites(build)).containsExactly("lab", "prod");
        assertThat(build.steps("label")).extracting(s -> s.env().get("ENV") + " -> " + s.argument())
                .containsExactly("lab -> uccx-lab", "prod -> uccx-prod");
    }

    @Test
    void runsTheControlsWithTheMavenCommandKeepingFailuresForTheReport() throws IOException {
        PipelineRecorder build = nightly();

        assertThat(build.steps("sh")).extracting(s -> s.env().get("ENV") + ": " + s.argument())
                .containsExactly("lab: " + MAVEN, "prod: " + MAVEN);
        assertThat(build.steps("sh")).allMatch(sh -> sh.isInside("withCredentials"));
    }

    @Test
    void bindsExactlyThePasswordsEachEnvironmentFileReferences() throws IOException {
        PipelineRecorder build = nightly();

        for (Step binding : build.steps("withCredentials")) {
            String site = (String) binding.env().get("ENV");
            List<?> credentials = (List<?>) binding.argument();
            assertThat(credentials).allMatch(c -> ((Step) c).name().equals("string"));
            assertThat(credentials).extracting(c -> (String) ((Step) c).argument("variable"))
                    .as("variables bound for %s", site).containsExactlyInAnyOrderElementsOf(referencedVariables(site));
        }
        Map<Object, Object> prodCredentials = new java.util.TreeMap<>();
        build.steps("string").stream().filter(s -> "prod".equals(s.env().get("ENV")))
                .forEach(s -> prodCredentials.put(s.argument("variable"), s.argument("credentialsId")));
        assertThat(prodCredentials).containsExactly(
                entry("EXCHANGE_AUDIT_PASSWORD", "uccx-prod-exchange-audit"),
                entry("UCCX_MAILBOX_PASSWORD", "uccx-prod-uccx-mailbox"));
    }

    @Test
    void publishesTestResultsTheAllureReportAndTheFingerprintedEvidence() throws IOException {
        PipelineRecorder build = nightly();

        for (String site : sites(build)) {
            List<Step> post = build.steps().stream().filter(s -> s.isInside("post") && site.equals(s.env().get("ENV"))).toList();
            assertThat(post).filteredOn(s -> s.name().equals("junit")).singleElement()
                    .satisfies(s -> assertThat(s.argument("testResults")).isEqualTo("target/failsafe-reports/*.xml"));
            assertThat(post).filteredOn(s -> s.name().equals("allure")).singleElement()
                    .satisfies(s -> assertThat(s.argument("results")).isEqualTo(List.of(Map.of("path", "target/allure-results"))));
            assertThat(post).filteredOn(s -> s.name().equals("archiveArtifacts")).extracting(s -> s.argument("artifacts") + " " + s.argument("fingerprint"))
                    .contains("reports/" + site + "/*/evidence-*.zip true", "reports/" + site + "/latest/report.html null");
            assertThat(post).filteredOn(s -> !s.name().equals("always")).allMatch(s -> s.isInside("always"));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("verdicts")
    void decidesTheBuildResultFromTheLatestSummary(List<Outcome> outcomes, String result) throws IOException {
        if (outcomes != null) {
            summary("prod", outcomes);
        }

        PipelineRecorder build = jenkinsfile.run(workspace, Map.of("SITE", "prod"));

        assertThat(build.currentBuild().getResult()).isEqualTo(result);
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of(List.of(Outcome.COMPLIANT, Outcome.WAIVED, Outcome.NOT_APPLICABLE), null),
                Arguments.of(List.of(Outcome.COMPLIANT, Outcome.NON_COMPLIANT), "UNSTABLE"),
                Arguments.of(List.of(Outcome.COMPLIANT, Outcome.COULD_NOT_VERIFY), "FAILURE"),
                Arguments.of(List.of(Outcome.NON_COMPLIANT, Outcome.COULD_NOT_VERIFY), "FAILURE"),
                // validation stopped mvn before any control: nothing was proven
                Arguments.of(null, "FAILURE"));
    }

    @Test
    void oneSitesFailureIsNotHiddenByAnotherSitesFindings() throws IOException {
        summary("lab", List.of(Outcome.COULD_NOT_VERIFY));
        summary("prod", List.of(Outcome.NON_COMPLIANT));

        assertThat(nightly().currentBuild().getResult()).isEqualTo("FAILURE");
    }

    @Test
    void aChosenSiteRunsAloneAndTheOtherIsNotJudged() throws IOException {
        summary("prod", List.of(Outcome.COMPLIANT));

        PipelineRecorder build = jenkinsfile.run(workspace, Map.of("SITE", "prod"));

        assertThat(build.steps("sh")).extracting(s -> s.env().get("ENV")).containsExactly("prod");
        assertThat(build.steps("fileExists")).extracting(s -> s.env().get("ENV")).containsExactly("prod");
        // lab has no summary here: had its cell run, the build would have failed
        assertThat(build.currentBuild().getResult()).isNull();
    }

    @Test
    void everyShellCommandIsDocumentedInTheReadme() throws IOException {
        String readme = Files.readString(PROJECT.resolve("README.md"));

        assertThat(nightly().steps("sh")).isNotEmpty()
                .allSatisfy(sh -> assertThat(readme).contains((String) sh.argument()));
    }

    /** The nightly build: the timer starts it with the default parameters, none on a first build. */
    private PipelineRecorder nightly() throws IOException {
        return jenkinsfile.run(workspace, Map.of());
    }

    private static Step only(PipelineRecorder build, String name) {
        assertThat(build.steps(name)).as(name).hasSize(1);
        return build.steps(name).get(0);
    }

    /** The matrix cells that ran, by their ENV axis value. */
    private static List<String> sites(PipelineRecorder build) {
        return build.steps("stages").stream().map(s -> (String) s.env().get("ENV")).filter(e -> e != null).toList();
    }

    private void summary(String site, List<Outcome> outcomes) {
        Instant started = Instant.parse("2026-03-02T02:00:00Z");
        RunSummary summary = new RunSummary(site, started, List.of("IMAP-01"));
        for (int i = 0; i < outcomes.size(); i++) {
            summary.add(new ControlResult("IMAP-01", "EXCH0" + (i + 1), outcomes.get(i), outcomes.get(i).label()));
        }
        summary.write(workspace.resolve("reports").resolve(site), started.plusSeconds(90), 1);
    }

    /** The ${VAR} names a site's environment file (or its template) reads, comments left out. */
    private static Set<String> referencedVariables(String site) throws IOException {
        Path file = PROJECT.resolve("environments").resolve(site + ".yaml");
        if (!Files.exists(file)) {
            file = PROJECT.resolve("environments").resolve(site + ".example.yaml");
        }
        assertThat(file).as("the environment file of site %s", site).exists();
        Set<String> names = new TreeSet<>();
        collect(new YAMLMapper().readTree(file.toFile()), names);
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isTextual()) {
            Matcher m = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}").matcher(node.textValue());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        node.forEach(child -> collect(child, names));
    }
}
