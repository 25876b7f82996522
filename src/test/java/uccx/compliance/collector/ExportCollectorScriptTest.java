package uccx.compliance.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import uccx.compliance.environment.EnvironmentLoader;

class ExportCollectorScriptTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")))
            .toAbsolutePath().normalize();

    @TempDir
    Path project;

    @Test
    void exportsTheSitesScriptWithoutAnySecretSet() {
        String script = ExportCollectorScript.script(new EnvironmentLoader().loadWithoutSecrets("prod.example", PROJECT, Map.of()));

        assertThat(script).startsWith("#region parameters\r\n")
                .contains("$UccxMailboxServers = @('EXCH01', 'EXCH02')", "$UccxTargetSeconds = 15", "#region fact:throttlingPolicies",
                        "#region end")
                .doesNotContain("not-needed-to-export", "password", "\r\r").doesNotContainPattern("[^\r]\n");
        assertThat(script.replace("\r\n", "\n")).isEqualTo(CollectorScript.bundled().forScope(CollectionScope.of(
                new EnvironmentLoader().loadWithoutSecrets("prod.example", PROJECT, Map.of()))).replace("\r\n", "\n"));
    }

    @Test
    void anEnvironmentGivenByNameIsExportedIntoItsReportsFolder() throws Exception {
        Files.createDirectories(project.resolve("environments"));
        Files.copy(PROJECT.resolve("environments/prod.example.yaml"), project.resolve("environments/site.yaml"));

        Result result = exportAsThePomDoes("site");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(filesUnder(project.resolve("reports"))).containsExactly("prod/collect.ps1");
    }

    /**
     * -Denv as a path: the run, the report and the evidence go to reports/&lt;name&gt;/ (the file's
     * {@code name:} key), so the exported script goes there too, not to a folder named after the path.
     */
    @Test
    void anEnvironmentGivenAsAPathIsExportedWhereItsRunsGo() throws Exception {
        Path file = project.resolve("sites/berlin/site.yaml");
        Files.createDirectories(file.getParent());
        Files.copy(PROJECT.resolve("environments/prod.example.yaml"), file);

        for (String env : List.of("sites/berlin/site.yaml", file.toString())) {
            Result result = exportAsThePomDoes(env);

            assertThat(result.exit()).as(result.output()).isZero();
            assertThat(result.output()).startsWith("Wrote " + project.resolve("reports/prod/collect.ps1"));
            assertThat(filesUnder(project.resolve("reports"))).as("-Denv=" + env).containsExactly("prod/collect.ps1");
            assertThat(Files.readString(project.resolve("reports/prod/collect.ps1"))).startsWith("#region parameters\r\n");
        }
    }

    private record Result(int exit, String output) {
    }

    /** The forked step of the export-collector profile, with the arguments pom.xml gives it. */
    private Result exportAsThePomDoes(String env) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ExportCollectorScript.class.getName()));
        for (String arg : pomArguments()) {
            command.add(arg.replace("${env}", env).replace("${project.basedir}", project.toString()));
        }
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static List<String> pomArguments() throws Exception {
        Document pom = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(PROJECT.resolve("pom.xml").toFile());
        NodeList executions = pom.getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            NodeList id = execution.getElementsByTagName("id");
            if (id.getLength() > 0 && "export-collector-script".equals(id.item(0).getTextContent().strip())) {
                Element java = (Element) execution.getElementsByTagName("java").item(0);
                assertThat(java.getAttribute("classname")).isEqualTo(ExportCollectorScript.class.getName());
                List<String> args = new ArrayList<>();
                NodeList argNodes = java.getElementsByTagName("arg");
                for (int a = 0; a < argNodes.getLength(); a++) {
                    args.add(((Element) argNodes.item(a)).getAttribute("value"));
                }
                return args;
            }
        }
        throw new AssertionError("pom.xml has no execution export-collector-script");
    }

    private static List<String> filesUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
