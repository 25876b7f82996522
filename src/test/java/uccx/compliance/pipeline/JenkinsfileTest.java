package uccx.compliance.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uccx.compliance.evidence.Outcome;

/**
 * The Jenkinsfile, run as Jenkins runs it (see {@link PipelineRecorder}) on a stand-in agent whose
 * Maven writes what a real run writes ({@link MavenRun}): what it asks Jenkins to do, what it keeps,
 * and which build result each run gives. The verdict is the Jenkinsfile's own code.
 */
class JenkinsfileTest {

    private static final String MAVEN = "mvn -B verify -Denv=${SITE} -Dmaven.test.failure.ignore=true";
    private static final String MAVEN_ON_WINDOWS = "mvn -B verify -Denv=%SITE% -Dmaven.test.failure.ignore=true";
    private static final String MAVEN_COMPARING = "mvn -B verify -Denv=${SITE} -Dcompare=${COMPARE} -Dmaven.test.failure.ignore=true";
    private static final String MAVEN_ON_WINDOWS_COMPARING = "mvn -B verify -Denv=%SITE% -Dcompare=%COMPARE% -Dmaven.test.failure.ignore=true";
    private static final String PROD_JOB = "uccx-compliance/prod/nightly";
    private static final String LAB_JOB = "uccx-compliance/lab/nightly";
    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", "."));

    @TempDir
    Path workspace;

    private final Jenkinsfile jenkinsfile = Jenkinsfile.ofProject();

    /** The agent's checkout: the lab's file as committed, prod's made from the template as README says. */
    @BeforeEach
    void checkout() throws IOException {
        Path environments = Files.createDirectories(workspace.resolve("environments"));
        Files.copy(PROJECT.resolve("environments/lab.yaml"), environments.resolve("lab.yaml"));
        Files.copy(PROJECT.resolve("environments/prod.example.yaml"), environments.resolve("prod.yaml"));
    }

    @Test
    void compilesAsGroovy() throws IOException {
        assertThat(jenkinsfile.parse()).isNotNull();
    }

    @Test
    void runsNightlyWithinATimeoutOneBuildAtATime() throws IOException {
        PipelineRecorder build = prod(MavenRun.judging("prod", List.of(Outcome.COMPLIANT)));

        assertThat(only(build, "cron").argument()).isEqualTo("H 2 * * *");
        assertThat(only(build, "cron").isInside("triggers")).isTrue();
        Step timeout = only(build, "timeout");
        assertThat(timeout.isInside("options")).isTrue();
        assertThat(timeout.arguments()).containsExactly(Map.of("time", 2, "unit", "HOURS"));
        // a build started by hand queues behind the nightly one (and the reverse)
        assertThat(only(build, "disableConcurrentBuilds").isInside("options")).isTrue();
    }

    @Test
    void theSiteIsTheFolderOfTheJobAndRunsOnItsOwnAgent() throws IOException {
        PipelineRecorder prod = prod(MavenRun.judging("prod", List.of(Outcome.COMPLIANT)));
        PipelineRecorder lab = jenkinsfile.run(LAB_JOB, Agent.linux(workspace, MavenRun.judging("lab", List.of(Outcome.COMPLIANT))));

        assertThat(only(prod, "label").argument()).isEqualTo("uccx-prod");
        assertThat(only(lab, "label").argument()).isEqualTo("uccx-lab");
        assertThat(only(prod, "sh").env()).containsEntry("SITE", "prod");
        assertThat(only(lab, "sh").env()).containsEntry("SITE", "lab");
    }

    @Test
    void aJobOutsideASiteFolderFailsNamingTheJobAndProbesNothing() throws IOException {
        MavenRun maven = MavenRun.judging("prod", List.of(Outcome.COMPLIANT));

        PipelineRecorder build = jenkinsfile.run("uccx-nightly", Agent.linux(workspace, maven));

        assertThat(result(build)).isEqualTo("FAILURE");
        assertThat(build.messages()).singleElement().asString().contains("'uccx-nightly'", "folder named after its site");
        assertThat(maven.commands()).isEmpty();
    }

    @Test
    void runsTheControlsWithTheMavenCommandUnderTheSitesLock() throws IOException {
        MavenRun maven = MavenRun.judging("prod", List.of(Outcome.COMPLIANT));

        PipelineRecorder build = prod(maven);

        assertThat(maven.commands()).containsExactly("sh " + MAVEN);
        Step sh = only(build, "sh");
        assertThat(sh.isInside("withCredentials")).isTrue();
        // one account is never probed by two builds at once, whichever jobs they belong to
        assertThat(sh.isInside("lock")).isTrue();
        assertThat(only(build, "lock").argument("resource")).isEqualTo("uccx-prod");
        assertThat(build.steps("lock")).allMatch(lock -> lock.isInside("stage"));
    }

    @Test
    void aWindowsAgentRunsTheControlsWithBat() throws IOException {
        MavenRun maven = MavenRun.judging("prod", List.of(Outcome.COMPLIANT, Outcome.NON_COMPLIANT));

        PipelineRecorder build = jenkinsfile.run(PROD_JOB, Agent.windows(workspace, maven));

        assertThat(maven.commands()).containsExactly("bat " + MAVEN_ON_WINDOWS);
        assertThat(maven.environment()).containsEntry("SITE", "prod");
        assertThat(build.steps("sh")).isEmpty();
        assertThat(result(build)).isEqualTo("UNSTABLE");
    }

    @Test
    void bindsExactlyThePasswordsEachEnvironmentFileReferences() throws IOException {
        for (String site : List.of("lab", "prod")) {
            MavenRun maven = MavenRun.judging(site, List.of(Outcome.COMPLIANT));
            jenkinsfile.run("uccx-compliance/" + site + "/nightly", Agent.linux(workspace, maven));

            Set<String> bound = new TreeSet<>(maven.environment().keySet());
            bound.retainAll(referencedVariables(site));
            assertThat(bound).as("variables bound for %s", site).isEqualTo(referencedVariables(site));
        }
        MavenRun maven = MavenRun.judging("prod", List.of(Outcome.COMPLIANT));
        PipelineRecorder build = prod(maven);
        Map<Object, Object> credentials = new TreeMap<>();
        build.steps("string").forEach(s -> credentials.put(s.argument("variable"), s.argument("credentialsId")));
        assertThat(credentials).containsExactly(
                entry("EXCHANGE_AUDIT_PASSWORD", "uccx-prod-exchange-audit"),
                entry("UCCX_MAILBOX_PASSWORD", "uccx-prod-uccx-mailbox"));
        assertThat(maven.environment()).containsEntry("UCCX_MAILBOX_PASSWORD", "secret of uccx-prod-uccx-mailbox");
    }

    @Test
    void aSiteThatSignsItsEvidenceGetsItsCertificateBoundToTheVariablesItsFileReads() throws IOException {
        signingSite();
        MavenRun maven = MavenRun.judging("prod", List.of(Outcome.COMPLIANT));

        PipelineRecorder build = prod(maven);

        Step certificate = only(build, "certificate");
        assertThat(certificate.arguments()).containsExactly(Map.of("credentialsId", "uccx-prod-evidence-signing",
                "keystoreVariable", "EVIDENCE_KEYSTORE", "passwordVariable", "EVIDENCE_KEYSTORE_PASSWORD"));
        assertThat(certificate.isInside("lock")).isTrue();
        Set<String> bound = new TreeSet<>(maven.environment().keySet());
        assertThat(bound).as("every variable prod's file reads is bound").containsAll(referencedVariables("prod"))
                .contains("EVIDENCE_KEYSTORE", "EVIDENCE_KEYSTORE_PASSWORD");
        assertThat(maven.environment()).containsEntry("EVIDENCE_KEYSTORE_PASSWORD", "secret of uccx-prod-evidence-signing");
        assertThat(result(build)).isEqualTo("SUCCESS");
    }

    @Test
    void theSigningKeyStaysOutsideTheWorkspaceAndIsGoneAfterTheBuild() throws IOException {
        signingSite();
        MavenRun maven = MavenRun.judging("prod", List.of(Outcome.COMPLIANT));

        prod(maven);

        Path keyStore = Path.of(String.valueOf(maven.environment().get("EVIDENCE_KEYSTORE")));
        assertThat(keyStore).as("beside the workspace (<workspace>@tmp/secretFiles), so never under reports/prod/")
                .startsWithRaw(workspace.resolveSibling(workspace.getFileName() + "@tmp").resolve("secretFiles"));
        assertThat(keyStore).doesNotExist();
        try (Stream<Path> files = Files.walk(workspace)) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> !f.startsWith(workspace.resolve("environments"))))
                    .as("no file of the workspace holds the key store").isNotEmpty()
                    .allSatisfy(f -> assertThat(Files.readString(f)).doesNotContain("key store of uccx-prod-evidence-signing"));
        }
    }

    @Test
    void aSiteThatDoesNotSignBindsNoCertificateSoAMissingCredentialCannotFailIt() throws IOException {
        // the stand-in for a credential that does not exist: binding it fails
        PipelineRecorder build = jenkinsfile.run(PROD_JOB, Agent.linux(workspace, MavenRun.judging("prod", List.of(Outcome.COMPLIANT)))
                .failing("certificate"));
        PipelineRecorder lab = jenkinsfile.run(LAB_JOB, Agent.linux(workspace, MavenRun.judging("lab", List.of(Outcome.COMPLIANT))));

        assertThat(build.steps("certificate")).isEmpty();
        assertThat(result(build)).isEqualTo("SUCCESS");
        assertThat(lab.steps("certificate")).isEmpty();
    }

    @Test
    void aSiteThatSignsWithoutItsCertificateCredentialFails() throws IOException {
        signingSite();
        MavenRun maven = MavenRun.judging("prod", List.of(Outcome.COMPLIANT));

        PipelineRecorder build = jenkinsfile.run(PROD_JOB, Agent.linux(workspace, maven).failing("certificate"));

        assertThat(result(build)).isEqualTo("FAILURE");
        assertThat(maven.commands()).isEmpty();
    }

    /** prod's file with the template's own signing section switched on (its last lines, commented out). */
    private void signingSite() throws IOException {
        String template = Files.readString(PROJECT.resolve("environments/prod.example.yaml"));
        int start = template.indexOf("# evidence:\n");
        assertThat(start).as("prod.example.yaml shows evidence.signing, commented out").isPositive();
        String section = template.substring(start).lines().map(l -> l.replaceFirst("^# ", "")).reduce("", (a, l) -> a + l + "\n");
        Files.writeString(workspace.resolve("environments/prod.yaml"), template.substring(0, start) + section);
    }

    @Test
    void aSiteWithoutItsEnvironmentFileFailsInOneLineNamingItAndProbesNothing() throws IOException {
        Files.delete(workspace.resolve("environments/prod.yaml"));
        MavenRun maven = MavenRun.judging("prod", List.of(Outcome.COMPLIANT));

        PipelineRecorder build = prod(maven);

        assertThat(result(build)).isEqualTo("FAILURE");
        assertThat(maven.commands()).isEmpty();
        assertThat(build.messages()).singleElement().asString()
                .startsWith("prod: environments/prod.yaml is missing").doesNotContain("\n");
        assertThat(build.stageResults()).containsEntry("Controls", "FAILURE").containsEntry("Verdict", "SKIPPED");
    }

    @Test
    void theEvidenceAndTestResultsAreKeptBeforeAnythingThatMayFail() throws IOException {
        PipelineRecorder build = prod(MavenRun.judging("prod", List.of(Outcome.COMPLIANT, Outcome.COULD_NOT_VERIFY)));

        List<String> order = build.steps().stream().map(Step::name)
                .filter(n -> List.of("sh", "archiveArtifacts", "junit", "readJSON", "error", "allure").contains(n)).toList();
        assertThat(order).containsExactly("sh", "archiveArtifacts", "junit", "readJSON", "error", "allure");
        Step archive = only(build, "archiveArtifacts");
        assertThat(archive.argument("fingerprint")).isEqualTo(true);
        assertThat(archived(archive)).containsExactlyInAnyOrder(
                "reports/prod/20260302T020000Z/evidence-prod-20260302T020000Z.zip", "reports/prod/latest/report.html",
                "reports/prod/latest/summary.json");
        Step junit = only(build, "junit");
        assertThat(junit.argument("testResults")).isEqualTo("target/failsafe-reports/*.xml");
        // the verdict is the summary's, not the count of failed tests
        assertThat(junit.argument("skipMarkingBuildUnstable")).isEqualTo(true);
    }

    @Test
    void anAllureFailureIsReportedAndNeitherLosesTheEvidenceNorChangesTheVerdict() throws IOException {
        MavenRun maven = MavenRun.judging("prod", List.of(Outcome.COMPLIANT, Outcome.NON_COMPLIANT));

        PipelineRecorder build = jenkinsfile.run(PROD_JOB, Agent.linux(workspace, maven).failing("allure"));

        assertThat(build.steps("archiveArtifacts")).hasSize(1);
        assertThat(build.steps("junit")).hasSize(1);
        assertThat(result(build)).isEqualTo("UNSTABLE");
        assertThat(build.messages()).anySatisfy(m -> assertThat(m).startsWith("prod: the Allure report was not published"));
    }

    @Test
    void aMavenThatExitsNonZeroFailsTheBuildAndStillKeepsWhatItLeft() throws IOException {
        PipelineRecorder build = prod(MavenRun.stoppedBeforeAnyControl("prod", 1));

        assertThat(result(build)).isEqualTo("FAILURE");
        assertThat(build.stageResults()).containsEntry("Controls", "FAILURE").containsEntry("Verdict", "SKIPPED");
        assertThat(build.messages()).first().isEqualTo("script returned exit code 1");
        assertThat(build.steps("archiveArtifacts")).hasSize(1);
        assertThat(build.steps("junit")).hasSize(1);
        assertThat(build.steps("allure")).hasSize(1);
    }

    @Test
    void publishesOneAllureReportPerBuildOfOneSite() throws IOException {
        PipelineRecorder build = prod(MavenRun.judging("prod", List.of(Outcome.COMPLIANT)));

        // the plugin keeps one report per build and replaces it: a second publish would overwrite the first
        Step allure = only(build, "allure");
        assertThat(allure.argument("results")).isEqualTo(List.of(Map.of("path", "target/allure-results")));
        // the verdict is the Jenkinsfile's: the plugin's default policy would mark failed tests UNSTABLE
        assertThat(allure.argument("resultPolicy")).isEqualTo("LEAVE_AS_IS");
        assertThat(allure.isInside("catchError")).isTrue();
        assertThat(allure.isInside("stage")).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("verdicts")
    void decidesTheBuildResultFromTheLatestSummaryNamingTheSite(List<Outcome> outcomes, String result, String message) throws IOException {
        MavenRun maven = outcomes == null ? MavenRun.stoppedBeforeAnyControl("prod", 0) : MavenRun.judging("prod", outcomes);

        PipelineRecorder build = prod(maven);

        assertThat(result(build)).isEqualTo(result);
        assertThat(build.stageResults()).containsEntry("Verdict", result);
        if (message == null) {
            assertThat(build.messages()).isEmpty();
        } else {
            assertThat(build.messages()).singleElement().isEqualTo(message);
        }
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of(List.of(Outcome.COMPLIANT, Outcome.WAIVED, Outcome.NOT_APPLICABLE), "SUCCESS", null),
                Arguments.of(List.of(Outcome.COMPLIANT, Outcome.NON_COMPLIANT), "UNSTABLE", "prod: 1 result(s) non-compliant"),
                Arguments.of(List.of(Outcome.COMPLIANT, Outcome.COULD_NOT_VERIFY), "FAILURE", "prod: 1 result(s) could not be verified"),
                Arguments.of(List.of(Outcome.NON_COMPLIANT, Outcome.COULD_NOT_VERIFY), "FAILURE", "prod: 1 result(s) could not be verified"),
                // a summary without a single result proves nothing
                Arguments.of(List.of(), "FAILURE", "prod: reports/prod/latest/summary.json holds no result: nothing was proven"),
                // Maven ended well but wrote no summary: nothing was proven
                Arguments.of(null, "FAILURE", "prod: no reports/prod/latest/summary.json: the run stopped before any control, nothing was proven"));
    }

    @Test
    void aRefusedPasswordIsNamedInTheVerdict() throws IOException {
        MavenRun maven = MavenRun.judging("prod", List.of(Outcome.COMPLIANT, Outcome.COULD_NOT_VERIFY),
                Map.of("state", "refused-earlier", "since", "2026-03-01T02:03:04Z"));

        PipelineRecorder build = prod(maven);

        assertThat(build.messages()).singleElement().isEqualTo("prod: 1 result(s) could not be verified; the UCCX password was refused since "
                + "2026-03-01T02:03:04Z and is not tried again: update the credential uccx-prod-uccx-mailbox");
    }

    @Test
    void anUnstableVerdictIsNotMadeBetterByWhatFollows() throws IOException {
        PipelineRecorder build = prod(MavenRun.judging("prod", List.of(Outcome.NON_COMPLIANT)));

        // catchError(buildResult: 'SUCCESS') around Allure ran after the verdict
        assertThat(build.steps("catchError")).hasSize(1);
        assertThat(result(build)).isEqualTo("UNSTABLE");
    }

    @Test
    void emptiesLastNightsReportsButRemembersARefusedPassword() throws IOException {
        Path reports = Files.createDirectories(workspace.resolve("reports/prod/20260301-020000Z"));
        Files.writeString(reports.resolve("summary.json"), "{}");
        Files.createDirectories(workspace.resolve("reports/prod/latest"));
        Files.writeString(workspace.resolve("reports/prod/latest/summary.json"), "{}");
        Files.createDirectories(workspace.resolve("target/failsafe-reports"));
        Files.writeString(workspace.resolve("target/failsafe-reports/TEST-old.xml"), "<testsuite/>");
        String memory = "{\"uccx\":{\"hash\":\"c2FsdGVk\",\"since\":\"2026-03-01T02:03:04Z\"}}";
        Files.writeString(workspace.resolve("reports/prod/refused-credentials.json"), memory);
        MavenRun maven = MavenRun.judging("prod", List.of(Outcome.COMPLIANT));

        prod(maven);

        assertThat(maven.foundAtStart()).map(Path::toString).filteredOn(p -> !p.startsWith("environments"))
                .containsExactly("reports/prod/refused-credentials.json");
        assertThat(workspace.resolve("reports/prod/refused-credentials.json")).hasContent(memory);
    }

    @Test
    void theFirstBuildComparesWithNothingAndTheNextWithTheSummaryThePreviousBuildArchived() throws IOException {
        MavenRun first = MavenRun.judging("prod", List.of(Outcome.COMPLIANT));
        PipelineRecorder firstBuild = prod(first);
        MavenRun second = MavenRun.judging("prod", List.of(Outcome.NON_COMPLIANT));
        PipelineRecorder secondBuild = prod(second);

        assertThat(first.commands()).containsExactly("sh " + MAVEN);
        assertThat(result(firstBuild)).isEqualTo("SUCCESS");
        Step copy = only(secondBuild, "copyArtifacts");
        assertThat(copy.argument("projectName")).isEqualTo(PROD_JOB);
        assertThat(copy.argument("optional")).isEqualTo(true);
        assertThat(((Step) copy.argument("selector")).name()).isEqualTo("lastWithArtifacts");
        assertThat(String.valueOf(copy.argument("target"))).as("outside reports/prod/, where it would count as a run")
                .doesNotStartWith("reports");
        assertThat(second.commands()).containsExactly("sh " + MAVEN_COMPARING);
        String compare = String.valueOf(second.environment().get("COMPARE"));
        assertThat(compare).isEqualTo("previous-build/reports/prod/latest/summary.json");
        assertThat(second.foundAtStart()).map(Path::toString).contains(compare);
        assertThat(workspace.resolve(compare)).as("the first build's summary, as it archived it")
                .hasBinaryContent(firstBuild.archived().get("reports/prod/latest/summary.json"));
        // the job names itself, or Copy Artifact refuses to read its archive
        assertThat(only(secondBuild, "copyArtifactPermission").argument()).isEqualTo("/" + PROD_JOB);
        assertThat(only(secondBuild, "copyArtifactPermission").isInside("options")).isTrue();
    }

    @Test
    void aBuildThatStoppedBeforeAnyControlIsPassedOverAndLeavesNoStaleCopy() throws IOException {
        PipelineRecorder compliant = prod(MavenRun.judging("prod", List.of(Outcome.COMPLIANT)));
        prod(MavenRun.judging("prod", List.of(Outcome.COMPLIANT, Outcome.WAIVED)));
        // a refused environment file: no summary, nothing archived
        PipelineRecorder stopped = prod(MavenRun.stoppedBeforeAnyControl("prod", 1));
        MavenRun after = MavenRun.judging("prod", List.of(Outcome.NON_COMPLIANT));

        prod(after);

        assertThat(stopped.archived()).isEmpty();
        assertThat(after.commands()).containsExactly("sh " + MAVEN_COMPARING);
        assertThat(workspace.resolve(String.valueOf(after.environment().get("COMPARE")))).content()
                .contains("\"outcome\" : \"waived\"").isNotEqualTo(new String(compliant.archived()
                        .get("reports/prod/latest/summary.json"), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aWindowsAgentPassesThePreviousSummaryWithBat() throws IOException {
        jenkinsfile.run(PROD_JOB, Agent.windows(workspace, MavenRun.judging("prod", List.of(Outcome.COMPLIANT))));
        MavenRun second = MavenRun.judging("prod", List.of(Outcome.COMPLIANT));

        jenkinsfile.run(PROD_JOB, Agent.windows(workspace, second));

        assertThat(second.commands()).containsExactly("bat " + MAVEN_ON_WINDOWS_COMPARING);
        assertThat(second.environment()).containsEntry("COMPARE", "previous-build/reports/prod/latest/summary.json");
    }

    @Test
    void everyShellCommandIsDocumentedInTheReadme() throws IOException {
        String readme = Files.readString(PROJECT.resolve("README.md"));
        MavenRun linux = MavenRun.judging("prod", List.of(Outcome.COMPLIANT));
        prod(linux);
        MavenRun windows = MavenRun.judging("prod", List.of(Outcome.COMPLIANT));
        jenkinsfile.run(PROD_JOB, Agent.windows(workspace, windows));

        assertThat(Stream.concat(linux.commands().stream(), windows.commands().stream()))
                .hasSize(2).allSatisfy(command -> assertThat(readme).contains(command.substring(command.indexOf(' ') + 1)));
    }

    /** A build of prod's job on a Linux agent. */
    private PipelineRecorder prod(MavenRun maven) throws IOException {
        return jenkinsfile.run(PROD_JOB, Agent.linux(workspace, maven));
    }

    /** As Jenkins shows it: a build nothing marked is SUCCESS. */
    private static String result(PipelineRecorder build) {
        return build.currentBuild().getResult() == null ? "SUCCESS" : build.currentBuild().getResult();
    }

    private static Step only(PipelineRecorder build, String name) {
        assertThat(build.steps(name)).as(name).hasSize(1);
        return build.steps(name).get(0);
    }

    /** The workspace files an archiveArtifacts step's comma-separated Ant patterns match. */
    private List<String> archived(Step archive) throws IOException {
        List<PathMatcher> patterns = Arrays.stream(String.valueOf(archive.argument("artifacts")).split(","))
                .map(String::trim).map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p)).toList();
        try (Stream<Path> files = Files.walk(workspace)) {
            return files.filter(Files::isRegularFile).map(workspace::relativize)
                    .filter(p -> patterns.stream().anyMatch(m -> m.matches(p))).map(Path::toString).toList();
        }
    }

    /** The ${VAR} names a site's environment file in the workspace reads, comments left out. */
    private Set<String> referencedVariables(String site) throws IOException {
        Path file = workspace.resolve("environments").resolve(site + ".yaml");
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
