package uccx.compliance.lab.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uccx.compliance.collector.CollectionScope;
import uccx.compliance.collector.CollectorScript;
import uccx.compliance.collector.RemoteCommand;
import uccx.compliance.collector.clixml.CliXml;
import uccx.compliance.collector.clixml.CliXmlDocument;
import uccx.compliance.collector.clixml.PsObject;
import uccx.compliance.collector.clixml.PsValue;
import uccx.compliance.environment.Environment;
import uccx.compliance.environment.EnvironmentLoader;
import uccx.compliance.lab.Lab;
import uccx.compliance.lab.LabState;

/**
 * The lab's WinRM endpoint answering pywinrm (Debian's python3-winrm, 0.3.0): a WS-Management
 * client written by others, without sight of the lab or of Overthere. A lab that only understood
 * the dialect of the suite's own client would prove little about how the suite fares against a
 * real Exchange server; this run of the real collector command through another client shows it
 * does not depend on that.
 *
 * <p>Runs with {@code -Pself-test} (tag "proof"), and there fails, never skips, when
 * {@code /usr/bin/python3} cannot import winrm: {@code .ci/run} installs python3-winrm.
 */
@Tag("proof")
class PyWinRmAgainstLabTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));
    // Debian's own interpreter: the python3 on the PATH may be another (pyenv) without Debian's packages.
    private static final String PYTHON = "/usr/bin/python3";
    private static final String CLIENT = "pywinrm_client.py";
    private static final String PASSWORD_VARIABLE = "UCCX_LAB_PASSWORD";
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path work;

    @Test
    void pyWinRmRunsTheCollectorCommandAsTheSuiteWould() throws Exception {
        requirePyWinRm();
        Environment environment = new EnvironmentLoader().load("lab", PROJECT, Map.of());
        RemoteCommand command = CollectorScript.bundled().command(CollectionScope.of(environment));
        Path client = copyClient();
        Path input = work.resolve("stdin.txt");
        StringBuilder lines = new StringBuilder();
        command.standardInput().forEach(line -> lines.append(line).append("\r\n"));
        Files.writeString(input, lines, StandardCharsets.UTF_8);

        try (Lab lab = Lab.start(LabState.from(environment.lab().orElseThrow()), Clock.systemUTC())) {
            String endpoint = "http://127.0.0.1:" + lab.winRmPort() + "/wsman";
            Python python = run(List.of(PYTHON, "-I", client.toString(), endpoint, lab.username(), command.commandLine(),
                    input.toString()), Map.of(PASSWORD_VARIABLE, lab.password()));

            assertThat(python.stdout()).as("pywinrm's output").doesNotContain(lab.password());
            assertThat(python.stderr()).as("pywinrm's errors").doesNotContain(lab.password());
            assertThat(python.exitCode()).as("pywinrm client exit code; its stderr:%n%s", python.stderr()).isZero();

            JsonNode answer = new ObjectMapper().readTree(python.stdout());
            String stdout = answer.path("stdout").asText();
            String stderr = answer.path("stderr").asText();
            assertThat(answer.path("exitCode").asInt(-1)).as("powershell.exe exit code; stderr:%n%s", stderr).isZero();
            assertThat(stdout).startsWith("#< CLIXML");
            CliXmlDocument output = CliXml.parse(stdout);
            assertThat(output.output()).as("the script's end record, written only when it ran to its end")
                    .anySatisfy(value -> assertThat(value).isInstanceOfSatisfying(PsObject.class,
                            record -> assertThat(record.property("UccxRecord").map(PsValue::text)).contains("end")));
            assertThat(output.errors()).isEmpty();
            if (!stderr.isBlank()) {
                assertThat(CliXml.parse(stderr).errors()).as("error records on stderr").isEmpty();
            }
            assertThat(lab.commandsReceived()).isEqualTo(1);
            assertThat(lab.violations()).isEmpty();
        }
    }

    private static void requirePyWinRm() throws IOException, InterruptedException {
        String install = " Install Debian's python3-winrm (apt-get install python3-winrm; -Pself-test installs it first, src/test/prerequisites/system-packages.sh).";
        Python check;
        try {
            check = run(List.of(PYTHON, "-I", "-c", "import winrm.protocol"), Map.of());
        } catch (IOException e) {
            fail(PYTHON + " cannot run (" + e.getMessage() + ")." + install);
            return;
        }
        if (check.exitCode() != 0) {
            fail(PYTHON + " cannot import winrm." + install + "\n" + check.stderr());
        }
    }

    /** Copied out of the classpath: Python needs a file, and the test classes may be packed. */
    private Path copyClient() throws IOException {
        try (InputStream in = PyWinRmAgainstLabTest.class.getResourceAsStream(CLIENT)) {
            assertThat(in).as(CLIENT + " among the test resources").isNotNull();
            Path client = work.resolve(CLIENT);
            Files.copy(in, client);
            return client;
        }
    }

    private static Python run(List<String> command, Map<String, String> variables) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("pywinrm", ".out");
        Path stderr = Files.createTempFile("pywinrm", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            // requests honours proxy variables: the lab is on loopback and nothing may go elsewhere.
            builder.environment().keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).endsWith("_proxy"));
            builder.environment().put("NO_PROXY", "127.0.0.1,localhost");
            builder.environment().putAll(variables);
            // Both streams go to files, so a full pipe can never block the child and the wait is the only bound.
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail(command.get(0) + " did not finish in " + TIMEOUT_SECONDS + " s; its stderr:\n"
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return new Python(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private record Python(int exitCode, String stdout, String stderr) {
    }
}
