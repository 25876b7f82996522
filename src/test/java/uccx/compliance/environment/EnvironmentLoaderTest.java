package uccx.compliance.environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static uccx.compliance.environment.Fixtures.LAB;
import static uccx.compliance.environment.Fixtures.PROJECT;
import static uccx.compliance.environment.Fixtures.SITE;
import static uccx.compliance.environment.Fixtures.VARIABLES;
import static uccx.compliance.environment.Fixtures.load;
import static uccx.compliance.environment.Fixtures.with;

class EnvironmentLoaderTest {

    @TempDir
    Path project;

    @Test
    void theShippedLabLoadsWithNoVariables() {
        Environment env = new EnvironmentLoader().load("lab", PROJECT, Map.of());

        assertThat(env.name()).isEqualTo("lab");
        assertThat(env.file()).isEqualTo(PROJECT.resolve("environments/lab.yaml"));
        assertThat(env.isLab()).isTrue();
        assertThat(env.exchange().version()).isEqualTo(ExchangeVersion.SP3);
        assertThat(env.exchange().management()).isEqualTo(new Management(Transport.LAB, java.util.Optional.empty(),
                java.util.OptionalInt.empty(), false, java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), SecondHop.DELEGATION,
                java.util.Optional.empty()));
        assertThat(env.exchange().clientAccessServers()).containsExactly("EXCH01", "EXCH02");
        assertThat(env.exchange().mailboxServers()).containsExactly("EXCH01", "EXCH02");
        assertThat(env.exchange().receiveConnectors()).containsExactly("EXCH01\\UCCX Relay", "EXCH02\\UCCX Relay");
        assertThat(env.uccx()).isEqualTo(new Uccx("uccx-email@lab.example.com", "LAB\\uccx-email", java.util.Optional.empty(), 120,
                java.util.Optional.of("10.1.2.3"), Uccx.DEFAULT_PASSWORD_WARNING_DAYS));
        assertThat(env.uccx().imapConnectionsNeeded()).isEqualTo(242);
        assertThat(env.requiredMaxConnectionsPerUser()).isEqualTo(2400);
        assertThat(env.requiredServiceSessionsPerUser()).isEqualTo(242);
        assertThat(env.imap()).isEmpty();
        assertThat(env.smtp()).isEmpty();
        assertThat(env.probes().capacity()).isTrue();

        JsonNode lab = env.lab().orElseThrow();
        assertThat(lab.path("servers")).hasSize(2);
        assertThat(lab.at("/servers/0/registry").fields().next().getValue()
                .path("Maximum Allowed Service Sessions Per User").asInt()).isEqualTo(256);
        assertThat(lab.at("/receiveConnectors/1/MaxInboundConnection").asText()).isEqualTo("unlimited");
        assertThat(lab.at("/throttlingPolicies/1/Name").asText()).isEqualTo("UCCX");
        assertThat(lab.at("/throttlingPolicies/1/IMAPMaxConcurrency").isNull()).isTrue();
        assertThat(lab.at("/mailboxes/0/ThrottlingPolicy").asText()).isEqualTo("UCCX");
    }

    @Test
    void theProductionTemplateLoadsOnceItsVariablesAreSet() {
        Map<String, String> vars = Map.of("EXCHANGE_AUDIT_PASSWORD", "a-pw", "UCCX_MAILBOX_PASSWORD", "u-pw");
        Environment env = new EnvironmentLoader().load("prod.example", PROJECT, vars);

        Management m = env.exchange().management();
        assertThat(env.isLab()).isFalse();
        assertThat(env.lab()).isEmpty();
        assertThat(m.transport()).isEqualTo(Transport.WINRM);
        assertThat(m.host()).contains("exch01.corp.example.com");
        assertThat(m.port()).hasValue(5986);
        assertThat(m.https()).isTrue();
        assertThat(m.username()).contains("svc-uccx-audit@CORP.EXAMPLE.COM");
        assertThat(m.password().orElseThrow().reveal()).isEqualTo("a-pw");
        assertThat(m.password().orElseThrow().source()).isEqualTo("${EXCHANGE_AUDIT_PASSWORD}");
        assertThat(m.certificateSha256()).hasValueSatisfying(f -> assertThat(f).matches("[0-9a-f]{64}"));
        assertThat(m.describe()).isEqualTo("WinRM https://exch01.corp.example.com:5986 as svc-uccx-audit@CORP.EXAMPLE.COM");
        assertThat(env.uccx().password().orElseThrow().reveal()).isEqualTo("u-pw");
        MailEndpoint imap = env.imap().orElseThrow();
        assertThat(imap.port()).isEqualTo(143);
        assertThat(imap.security()).contains(ImapSecurity.STARTTLS);
        assertThat(env.smtp().orElseThrow().port()).isEqualTo(25);
        assertThat(env.probes().capacity()).isFalse();
        assertThat(env.waivers()).isEmpty();
    }

    @Test
    void aPathElsewhereIsReadWhereverItIs(@TempDir Path elsewhere) throws Exception {
        Path file = Files.writeString(elsewhere.resolve("branch-office.yml"), SITE);

        Environment env = new EnvironmentLoader().load(file.toString(), project, VARIABLES);

        assertThat(env.file()).isEqualTo(file.toAbsolutePath().normalize());
        assertThat(env.name()).isEqualTo("site");
    }

    @Test
    void aRelativePathIsTakenFromTheProjectDirectory() throws Exception {
        Files.createDirectories(project.resolve("sites"));
        Files.writeString(project.resolve("sites/a.yaml"), SITE);

        assertThat(new EnvironmentLoader().load("sites/a.yaml", project, VARIABLES).file())
                .isEqualTo(project.resolve("sites/a.yaml").toAbsolutePath());
    }

    @Test
    void errorsInAFileElsewhereNameItsFullPath(@TempDir Path elsewhere) throws Exception {
        Path file = Files.writeString(elsewhere.resolve("x.yaml"), with(SITE, "agents: 120", "agents: 0"));

        EnvironmentException e = org.assertj.core.api.Assertions.catchThrowableOfType(EnvironmentException.class,
                () -> new EnvironmentLoader().load(file.toString(), project, VARIABLES));

        assertThat(e.errors()).containsExactly(file.toAbsolutePath() + ":17: uccx.agents: must be at least 1, found 0");
    }

    @Test
    void defaults() {
        Environment env = load(project, SITE, VARIABLES);

        assertThat(env.timeouts()).isEqualTo(new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(15)));
        assertThat(env.eventLookbackHours()).isEqualTo(24);
        assertThat(env.probes()).isEqualTo(new Probes(false));
        assertThat(env.thresholds()).isEqualTo(Thresholds.checklist());
        assertThat(env.thresholds().raised()).isEmpty();
        assertThat(env.waivers()).isEmpty();
        assertThat(env.imap().orElseThrow().port()).isEqualTo(143);
        assertThat(env.smtp().orElseThrow().security()).isEmpty();
        assertThat(env.exchange().management().trustStore()).isEmpty();
    }

    @Test
    void winrmPortFollowsHttps() {
        Environment env = load(project, Fixtures.sitePlainHttpAccepted(), VARIABLES);

        assertThat(env.exchange().management().https()).isFalse();
        assertThat(env.exchange().management().port()).hasValue(5985);
        assertThat(load(project, with(SITE, "    port: 5986\n", ""), VARIABLES).exchange().management().port()).hasValue(5986);
    }

    @Test
    void givenValuesReplaceTheDefaults() {
        String yaml = with(SITE, "imap: {host: mail.corp.example.com, security: starttls}", "imap: {host: mail.corp.example.com, security: ssl}")
                + """
                timeouts: {connectSeconds: 3, readSeconds: 30, targetSeconds: 8}
                eventLookbackHours: 72
                probes: {capacity: true}
                thresholds: {maxConnectionsPerUser: 4000, maxServiceSessionsPerUser: 300}
                waivers:
                  - control: SMTP-01
                    target: 'EXCH01\\UCCX Relay'
                    reason: retired next week
                    approvedBy: Jane Doe
                    ticket: CHG-1
                    expires: 2020-01-31
                """;
        Environment env = load(project, yaml, VARIABLES);

        assertThat(env.imap().orElseThrow().port()).isEqualTo(993);
        assertThat(env.timeouts()).isEqualTo(new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(30), Duration.ofSeconds(8)));
        assertThat(env.eventLookbackHours()).isEqualTo(72);
        assertThat(env.probes().capacity()).isTrue();
        assertThat(env.thresholds().maxConnectionsPerUser()).isEqualTo(4000);
        assertThat(env.thresholds().maxCommandSize()).isEqualTo(10240);
        assertThat(env.thresholds().raised()).isEqualTo(Map.of("maxConnectionsPerUser", 4000, "maxServiceSessionsPerUser", 300));
        assertThat(env.requiredMaxConnectionsPerUser()).isEqualTo(4000);
        assertThat(env.requiredServiceSessionsPerUser()).isEqualTo(300);
        // An expired waiver still loads: the report shows it as expired rather than the build refusing the file.
        assertThat(env.waivers()).containsExactly(new Waiver("SMTP-01", "EXCH01\\UCCX Relay", "retired next week",
                "Jane Doe", "CHG-1", LocalDate.of(2020, 1, 31)));
    }

    @Test
    void aLabEnvironmentMayPointTheProbesElsewhere() {
        Map<String, String> vars = Map.of("PW", "p");
        String yaml = with(LAB, "  agents: 10\n", "  agents: 10\n  password: ${PW}\n") + "imap: {host: imap.test.example.com, port: 1143}\n";

        Environment env = load(project, yaml, vars);

        assertThat(env.imap().orElseThrow().port()).isEqualTo(1143);
        assertThat(env.uccx().password().orElseThrow().reveal()).isEqualTo("p");
    }

    @Test
    void theLabSectionCannotBeChangedThroughTheRecord() {
        Environment env = load(project, LAB, Map.of());

        ((ObjectNode) env.lab().orElseThrow()).put("faults", "changed");

        assertThat(env.lab().orElseThrow().has("faults")).isFalse();
    }

    @Test
    void noSecretInTheRecordsText() {
        Environment env = load(project, SITE, VARIABLES);

        assertThat(env.toString()).doesNotContain("s3cret")
                .contains("secret from ${AUDIT_PW}").contains("secret from ${UCCX_PW}");
    }
}
