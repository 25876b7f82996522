package uccx.compliance.collector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wiring that makes a refusal stop {@code mvn verify}: pom.xml runs {@link ValidateRun} in
 * {@code pre-integration-test}, forked, with failonerror, so failsafe's {@code integration-test}
 * never starts after it; and the forked process itself exits non-zero with no stack trace. (A
 * nested Maven build would prove the same, too slowly for every build.)
 */
class ValidateRunBuildStepTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("basedir", ".")))
            .toAbsolutePath().normalize();

    private static final String SECRET = "S3cret-Value-4711";

    @TempDir
    Path work;

    @Test
    void pomRunsTheValidationForkedBeforeTheControlsAndFailsTheBuildOnARefusal() throws Exception {
        Document pom = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(PROJECT.resolve("pom.xml").toFile());
        Element execution = execution(pom, "maven-antrun-plugin", "validate-environment");

        assertThat(text(execution, "phase")).isEqualTo("pre-integration-test");
        Element java = (Element) execution.getElementsByTagName("java").item(0);
        assertThat(java.getAttribute("classname")).isEqualTo(ValidateRun.class.getName());
        assertThat(java.getAttribute("fork")).isEqualTo("true");
        assertThat(java.getAttribute("failonerror")).isEqualTo("true");
        List<String> args = new ArrayList<>();
        NodeList argNodes = java.getElementsByTagName("arg");
        for (int i = 0; i < argNodes.getLength(); i++) {
            args.add(((Element) argNodes.item(i)).getAttribute("value"));
        }
        assertThat(args).containsExactly("${env}", "${project.basedir}", "${snapshot}");

        // Failsafe's goals keep their default phases (integration-test, verify), both after the validation.
        Element failsafe = plugin(pom, "maven-failsafe-plugin");
        assertThat(failsafe.getElementsByTagName("phase").getLength()).isZero();
        assertThat(text(failsafe, "goal")).isEqualTo("integration-test");
        assertThat(text(pom.getDocumentElement(), "snapshot")).as("no replay unless asked").isEmpty();
    }

    @Test
    void theForkedStepRefusesABadFileWithOneLineAndNoStackTrace() throws Exception {
        String prod = Files.readString(PROJECT.resolve("environments/prod.example.yaml"), StandardCharsets.UTF_8);
        Path bad = Files.writeString(work.resolve("bad.yaml"), prod.replace("version: 2010-SP3", "version: 2010-SP9"));

        Result result = fork(bad.toString(), "");

        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output().lines()).containsExactly(
                bad + ":15: exchange.version: must be one of 2010-RTM, 2010-SP1, 2010-SP2, 2010-SP3, found \"2010-SP9\"",
                "1 error: the environment file must be fixed before the controls can run.");
    }

    @Test
    void theForkedStepRefusesAMissingSnapshot() throws Exception {
        Result result = fork("lab", "/nonexistent-snapshot.xml");

        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("-Dsnapshot=/nonexistent-snapshot.xml: no such file")
                .doesNotContain("Exception").doesNotContain(SECRET);
        assertThat(result.output().lines()).noneMatch(l -> l.stripLeading().startsWith("at "));
    }

    @Test
    void theForkedStepRefusesALiteralPasswordWithoutShowingIt() throws Exception {
        String prod = Files.readString(PROJECT.resolve("environments/prod.example.yaml"), StandardCharsets.UTF_8);
        Path bad = Files.writeString(work.resolve("literal.yaml"),
                prod.replace("password: ${UCCX_MAILBOX_PASSWORD}", "password: Literal-Pa55-0815"));

        Result result = fork(bad.toString(), "");

        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output().lines()).hasSize(2).first().asString()
                .startsWith(bad + ":41: uccx.password: a literal password is refused");
        assertThat(result.output()).doesNotContain("Literal-Pa55-0815").doesNotContain(SECRET).doesNotContain("Exception");
    }

    private record Result(int exit, String output) {
    }

    /** The process the antrun step forks, with the same arguments, and the site's secrets set as Jenkins would. */
    private Result fork(String env, String snapshot) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ValidateRun.class.getName(), env, PROJECT.toString(), snapshot).redirectErrorStream(true);
        Map<String, String> variables = builder.environment();
        variables.put("EXCHANGE_AUDIT_PASSWORD", SECRET);
        variables.put("UCCX_MAILBOX_PASSWORD", SECRET);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Element plugin(Document pom, String artifactId) {
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            // Only the build's own plugins: a profile may configure the same plugin again.
            if (artifactId.equals(text(plugin, "artifactId")) && "plugins".equals(plugin.getParentNode().getNodeName())
                    && "build".equals(plugin.getParentNode().getParentNode().getNodeName())
                    && "project".equals(plugin.getParentNode().getParentNode().getParentNode().getNodeName())) {
                return plugin;
            }
        }
        throw new AssertionError("pom.xml has no build plugin " + artifactId);
    }

    private static Element execution(Document pom, String artifactId, String id) {
        NodeList executions = plugin(pom, artifactId).getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            if (id.equals(text(execution, "id"))) {
                return execution;
            }
        }
        throw new AssertionError(artifactId + " has no execution " + id);
    }

    /** The text of the first element of that name under {@code parent}, or empty. */
    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }
}
