package uccx.compliance.environment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static uccx.compliance.environment.Fixtures.PROJECT;
import static uccx.compliance.environment.Fixtures.SITE;
import static uccx.compliance.environment.Fixtures.with;

class ValidateEnvironmentTest {

    @TempDir
    Path project;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return ValidateEnvironment.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    @Test
    void aValidEnvironmentPrintsOneSummaryLine() {
        assertThat(run(Map.of(), "lab", PROJECT.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Environment lab (environments/lab.yaml) is valid:"
                + " Exchange 2010-SP3 via the embedded lab, 2 Client Access servers, 2 Mailbox servers, 2 receive connectors,"
                + " 120 agents (242 IMAP connections), capacity probe on, 0 waivers" + System.lineSeparator());
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aBrokenEnvironmentPrintsItsErrorsAndExitsOne() {
        Fixtures.write(project, "site", with(with(SITE, "port: 5986", "port: 59x6"), "agents: 120", "agents: 0"));

        assertThat(run(Fixtures.VARIABLES, "site", project.toString())).isEqualTo(1);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "environments/site.yaml:7: exchange.management.port: must be an integer, found \"59x6\"",
                "environments/site.yaml:17: uccx.agents: must be at least 1, found 0",
                "2 errors: the environment file must be fixed before the controls can run.");
    }

    @Test
    void acceptedPlainHttpManagementIsValidButWarnedAboutFirst() {
        Fixtures.write(project, "site", Fixtures.sitePlainHttpAccepted());

        assertThat(run(Fixtures.VARIABLES, "site", project.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(2).first().asString()
                .startsWith("WARNING: WinRM over plain HTTP (https: false)");
    }

    @Test
    void aWaiverEndingWithin30DaysIsWarnedAboutAndOneIn40DaysIsNot() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        Fixtures.write(project, "site", SITE + "waivers:\n"
                + "  - {control: IMAP-01, target: EXCH02, reason: retiring, approvedBy: J. Auditor, ticket: CHG-1, expires: '"
                + today.plusDays(10) + "'}\n"
                + "  - {control: IMAP-02, target: EXCH01, reason: reviewed, approvedBy: J. Auditor, ticket: CHG-2, expires: '"
                + today.plusDays(40) + "'}\n");

        assertThat(run(Fixtures.VARIABLES, "site", project.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("WARNING")).toList()).containsExactly(
                "WARNING: the waiver of IMAP-01 on EXCH02 (ticket CHG-1) expires on " + today.plusDays(10) + ", in 10 days: renew it");
    }

    @Test
    void aWrongCallSaysHowToCallIt() {
        assertThat(run(Map.of(), "lab")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: ValidateEnvironment");
    }

    @Test
    void theBuildStepPrintsNoStackTraceInItsOwnProcess() throws Exception {
        Fixtures.write(project, "site", with(SITE, "2010-SP3", "2010-SP9") + "]broken: [\n");
        Fixtures.write(project, "other", "name: x\nexchange: {management: {transport: winrm, password: hunter2}}\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        for (String env : new String[] {"site", "other", "missing"}) {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ValidateEnvironment.class.getName(), env, project.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(p.exitValue()).as(output).isEqualTo(1);
            assertThat(output).as(env).contains("environments/" + env + ".yaml")
                    .doesNotContain("Exception").doesNotContain("hunter2");
            assertThat(output.lines()).as(env).noneMatch(line -> line.stripLeading().startsWith("at "));
        }
    }
}
