package uccx.compliance.environment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static uccx.compliance.environment.Fixtures.LAB;
import static uccx.compliance.environment.Fixtures.SITE;
import static uccx.compliance.environment.Fixtures.VARIABLES;
import static uccx.compliance.environment.Fixtures.errors;
import static uccx.compliance.environment.Fixtures.with;

/** One test per kind of error, each asserting the whole line a user sees. */
class EnvironmentErrorsTest {

    @TempDir
    Path project;

    @Test
    void unknownKeyCloseToAKnownOneIsNamed() {
        assertThat(errors(project, with(SITE, "    port: 5986", "    prot: 5986"))).containsExactly(
                "environments/site.yaml:7: exchange.management.prot: unknown key; did you mean \"port\"?");
    }

    @Test
    void unknownKeyWithNothingCloseListsTheAllowedKeys() {
        assertThat(errors(project, with(SITE, "    port: 5986", "    colour: blue"))).containsExactly(
                "environments/site.yaml:7: exchange.management.colour: unknown key; allowed here: transport, host, port,"
                        + " https, username, password, trustStore, trustStorePassword, certificateSha256, secondHop, acceptCleartext");
    }

    @Test
    void unknownKeyOfALabPolicyIsAnError() {
        String yaml = LAB + "  throttlingPolicies:\n    - {Name: UCCX, IsDefault: false, IMAPMaxConcurency: null}\n";
        assertThat(errors(project, yaml)).containsExactly(
                "environments/site.yaml:17: lab.throttlingPolicies[0].IMAPMaxConcurency: unknown key; did you mean \"IMAPMaxConcurrency\"?");
    }

    @Test
    void wrongType() {
        assertThat(errors(project, with(SITE, "port: 5986", "port: 59x6"))).containsExactly(
                "environments/site.yaml:7: exchange.management.port: must be an integer, found \"59x6\"");
    }

    @Test
    void missingRequiredKeyIsReportedAtItsParent() {
        assertThat(errors(project, with(SITE, "  version: 2010-SP3", "  # version left out"))).containsExactly(
                "environments/site.yaml:2: exchange.version: missing required key (one of 2010-RTM, 2010-SP1, 2010-SP2, 2010-SP3)");
    }

    @Test
    void badEnumValueListsTheAllowedOnes() {
        assertThat(errors(project, with(SITE, "2010-SP3", "2010-SP4"))).containsExactly(
                "environments/site.yaml:3: exchange.version: must be one of 2010-RTM, 2010-SP1, 2010-SP2, 2010-SP3, found \"2010-SP4\"");
        assertThat(errors(project, with(SITE, "transport: winrm", "transport: WinRM"))).containsExactly(
                "environments/site.yaml:5: exchange.management.transport: must be one of winrm, local, lab, found \"WinRM\"; did you mean \"winrm\"?");
    }

    @Test
    void unsetVariableIsNamedAndNoValueShown() {
        assertThat(errors(project, SITE, Map.of("AUDIT_PW", "audit-s3cret"))).containsExactly(
                "environments/site.yaml:16: uccx.password: ${UCCX_PW} names an environment variable that is not set; set UCCX_PW before running");
    }

    @Test
    void emptyVariableForAPasswordIsRefused() {
        assertThat(errors(project, SITE, Map.of("AUDIT_PW", "", "UCCX_PW", "x"))).containsExactly(
                "environments/site.yaml:9: exchange.management.password: ${AUDIT_PW} is set but empty; a password cannot be empty");
    }

    @Test
    void literalPasswordIsRefusedWithoutQuotingIt() {
        List<String> errors = errors(project, with(with(SITE, "password: ${AUDIT_PW}", "password: hunter2"),
                "password: ${UCCX_PW}", "password: 123456"));
        assertThat(errors).containsExactly(
                "environments/site.yaml:9: exchange.management.password: a literal password is refused; write ${VAR} and set the variable",
                "environments/site.yaml:16: uccx.password: a literal password is refused; write ${VAR} and set the variable");
        assertThat(String.join("\n", errors)).doesNotContain("hunter2").doesNotContain("123456");
    }

    @Test
    void literalTrustStorePasswordIsRefused() {
        String yaml = with(SITE, "    password: ${AUDIT_PW}\n", "    password: ${AUDIT_PW}\n    trustStorePassword: changeit\n");
        assertThat(errors(project, yaml)).contains(
                "environments/site.yaml:10: exchange.management.trustStorePassword: a literal password is refused; write ${VAR} and set the variable");
    }

    @Test
    void malformedYamlGivesTheParsersLine() {
        assertThat(errors(project, with(SITE, "    port: 5986", "   port: 5986"))).containsExactly(
                "environments/site.yaml:7: exchange: malformed YAML: expected <block end>, but found '<block mapping start>'"
                        + " (while parsing a block mapping that starts on line 3); check this line's indentation against the keys above it");
    }

    @Test
    void unquotedReferenceInsideBracesGetsAHint() {
        String yaml = with(SITE, "imap: {host: mail.corp.example.com, security: starttls}", "imap: {host: ${IMAP_HOST}}");
        assertThat(errors(project, yaml)).singleElement().asString()
                .startsWith("environments/site.yaml:18: ")
                .endsWith("; inside { } or [ ], quote a reference: '${VAR}'");
    }

    @Test
    void waiverDateThatIsNotAnIsoDate() {
        String yaml = SITE + """
                waivers:
                  - {control: SMTP-01, target: 'EXCH01\\UCCX Relay', reason: r, approvedBy: me, ticket: CHG-1, expires: 31/12/2025}
                  - {control: SMTP-01, target: 'EXCH01\\UCCX Relay', reason: r, approvedBy: me, ticket: CHG-1, expires: 2025-02-30}
                """;
        assertThat(errors(project, yaml)).containsExactly(
                "environments/site.yaml:21: waivers[0].expires: must be an ISO date (YYYY-MM-DD), found \"31/12/2025\"",
                "environments/site.yaml:22: waivers[1].expires: must be an ISO date (YYYY-MM-DD), found \"2025-02-30\"");
    }

    @Test
    void waiverForAnUnknownControl() {
        String yaml = SITE + """
                waivers:
                  - {control: IMAP-9, target: EXCH01, reason: r, approvedBy: me, ticket: CHG-1, expires: NEXT_MONTH}
                """.replace("NEXT_MONTH", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(1).toString());
        assertThat(errors(project, yaml)).containsExactly("environments/site.yaml:21: waivers[0].control: must be one of"
                + " EXC-01, EXC-02, NET-01, IMAP-01, IMAP-02, IMAP-03, IMAP-04, SMTP-01, SMTP-02, THR-01, THR-02, LIVE-01, LIVE-02,"
                + " LIVE-03, LIVE-04, found \"IMAP-9\"");
    }

    @Test
    void thresholdBelowTheChecklistIsRefused() {
        assertThat(errors(project, SITE + "thresholds: {maxConnectionsPerUser: 16}\n")).containsExactly(
                "environments/site.yaml:20: thresholds.maxConnectionsPerUser: 16 is below the checklist's 2400; may raise a checklist value, not lower it");
    }

    @Test
    void serverAddressThatIsNoIpv4Address() {
        assertThat(errors(project, with(SITE, "agents: 120", "agents: 120\n  serverAddress: 10.1.2.300"))).containsExactly(
                "environments/site.yaml:18: uccx.serverAddress: must be an IPv4 address such as 10.1.2.3, found \"10.1.2.300\"");
    }

    @Test
    void agentsBelowOne() {
        assertThat(errors(project, with(SITE, "agents: 120", "agents: 0"))).containsExactly(
                "environments/site.yaml:17: uccx.agents: must be at least 1, found 0");
    }

    @Test
    void winrmNeedsHostUsernameAndPassword() {
        String yaml = with(with(SITE, "    host: exch01.corp.example.com", "    # no host"), "    username: svc-audit@CORP.EXAMPLE.COM", "    # no user");
        assertThat(errors(project, yaml)).containsExactly(
                "environments/site.yaml:4: exchange.management.host: missing required key; transport winrm needs host, username and password",
                "environments/site.yaml:4: exchange.management.username: missing required key; transport winrm needs host, username and password");
    }

    @Test
    void winrmUsernameMustBeAKerberosPrincipal() {
        assertThat(errors(project, with(SITE, "svc-audit@CORP.EXAMPLE.COM", "CORP\\svc-audit"))).containsExactly(
                "environments/site.yaml:8: exchange.management.username: must be a Kerberos principal user@REALM (WinRM Basic"
                        + " authentication accepts only local accounts, which hold no Exchange rights), found \"CORP\\svc-audit\"");
    }

    @Test
    void localTransportRefusesWinrmSettings() {
        String yaml = with(with(SITE, "transport: winrm", "transport: local"), "    port: 5986\n", "");
        assertThat(errors(project, yaml)).containsExactly(
                "environments/site.yaml:6: exchange.management.host: not used when transport is local (powershell.exe runs here, as this agent's account); remove it",
                "environments/site.yaml:7: exchange.management.username: not used when transport is local (powershell.exe runs here, as this agent's account); remove it",
                "environments/site.yaml:8: exchange.management.password: not used when transport is local (powershell.exe runs here, as this agent's account); remove it");
    }

    @Test
    void aLabSectionOnlyInALabEnvironment() {
        assertThat(errors(project, SITE + "lab:\n  servers: [{name: EXCH01, adminDisplayVersion: Version 14.3 (Build 123.4), roles: [Mailbox]}]\n"))
                .containsExactly("environments/site.yaml:20: lab: only a lab environment has a lab: section, and transport is winrm;"
                        + " remove it or set exchange.management.transport: lab");
        String labWithoutLab = LAB.substring(0, LAB.indexOf("lab:\n  servers"));
        assertThat(errors(project, labWithoutLab)).containsExactly(
                "environments/site.yaml:1: lab: missing required key; a lab environment (transport: lab) describes its organisation under lab:");
    }

    @Test
    void aRealSiteNeedsTheProbesTargetsAndTheUccxPassword() {
        String yaml = with(with(SITE, "  password: ${UCCX_PW}\n", ""), "smtp: {host: mail.corp.example.com}\n", "");
        assertThat(errors(project, yaml)).containsExactly(
                "environments/site.yaml:1: smtp: missing required key; the live probes need it unless transport is lab",
                "environments/site.yaml:13: uccx.password: missing required key; the live probes need it unless transport is lab");
    }

    @Test
    void trustStoreAndFingerprintAreExclusiveAndTheStoreMustExist() {
        String yaml = with(SITE, "imap: {host: mail.corp.example.com, security: starttls}",
                "imap: {host: mail.corp.example.com, security: ssl, trustStore: certs/none.p12, certificateSha256: " + "ab".repeat(32) + "}");
        assertThat(errors(project, yaml)).containsExactly(
                "environments/site.yaml:18: imap.certificateSha256: give trustStore or certificateSha256, not both",
                "environments/site.yaml:18: imap.trustStore: no such file: " + project.resolve("certs/none.p12").toAbsolutePath());
    }

    @Test
    void duplicateKey() {
        assertThat(errors(project, SITE + "name: again\n")).containsExactly(
                "environments/site.yaml:20: name: duplicate key; the first is on line 1");
    }

    @Test
    void labValuesAreCheckedInExchangesOwnTerms() {
        String yaml = LAB + """
                  receiveConnectors:
                    - {Identity: 'EXCH01\\Relay', MaxInboundConnection: lots, MaxInboundConnectionPercentagePerSource: unlimited}
                """;
        assertThat(errors(project, yaml)).containsExactly(
                "environments/site.yaml:17: lab.receiveConnectors[0].MaxInboundConnection: must be an integer or \"unlimited\", found \"lots\"",
                "environments/site.yaml:17: lab.receiveConnectors[0].MaxInboundConnectionPercentagePerSource: must be an integer, found \"unlimited\"");
    }

    @Test
    void keysThatAreNotIdentifiersAreQuotedInThePath() {
        String yaml = with(LAB, "roles: [ClientAccess, Mailbox]}", "roles: [ClientAccess, Mailbox],\n"
                + "       registry: {'HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem':"
                + " {'Maximum Allowed Service Sessions Per User': many}}}");
        assertThat(errors(project, yaml)).containsExactly("environments/site.yaml:16: lab.servers[0].registry"
                + "['HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem']"
                + "['Maximum Allowed Service Sessions Per User']: must be an integer, found \"many\"");
    }

    @Test
    void everyErrorOfTheFileIsReportedAtOnceInLineOrder() {
        String yaml = with(with(with(SITE, "2010-SP3", "2010-SP9"), "port: 5986", "port: x"), "agents: 120", "agents: -1")
                + "colour: blue\n";
        assertThat(errors(project, yaml)).extracting(line -> line.substring(0, line.indexOf(": ", line.indexOf(".yaml:"))))
                .containsExactly("environments/site.yaml:3", "environments/site.yaml:7", "environments/site.yaml:17",
                        "environments/site.yaml:20");
    }

    @Test
    void aSecretNeverAppearsInAnError() {
        // A secret's variable written where a host belongs: refused as written, never resolved into the message.
        List<String> errors = errors(project, with(SITE, "host: exch01.corp.example.com", "host: ${AUDIT_PW}"), VARIABLES);
        assertThat(errors).containsExactly("environments/site.yaml:6: exchange.management.host: ${AUDIT_PW} is not read here:"
                + " only a secret (keyStorePassword, password, trustStorePassword) comes from an environment variable; write the value itself");
        assertThat(String.join("\n", errors)).doesNotContain("s3cret");
    }

    @Test
    void anEmptyFile() {
        assertThat(errors(project, "# nothing yet\n")).containsExactly(
                "environments/site.yaml:1: (top level): the file is empty; an environment has at least name:, exchange: and uccx:");
    }

    @Test
    void aNameThatNamesNoFileListsTheEnvironmentsThere() {
        Fixtures.write(project, "lab", LAB);
        EnvironmentException e = catchThrowableOfType(EnvironmentException.class,
                () -> new EnvironmentLoader().load("prd", project, Map.of()));
        assertThat(e.errors()).containsExactly("environments/prd.yaml: -Denv=prd: no such file; environments here: lab");
    }
}
