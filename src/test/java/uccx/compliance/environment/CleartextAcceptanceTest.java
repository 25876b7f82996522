package uccx.compliance.environment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static uccx.compliance.environment.Fixtures.LAB;
import static uccx.compliance.environment.Fixtures.SITE;
import static uccx.compliance.environment.Fixtures.VARIABLES;
import static uccx.compliance.environment.Fixtures.acceptance;
import static uccx.compliance.environment.Fixtures.errors;
import static uccx.compliance.environment.Fixtures.load;
import static uccx.compliance.environment.Fixtures.with;

/**
 * No password in clear by accident: outside the lab, IMAP without TLS and WinRM over plain HTTP
 * are refused at validation, one line each, unless the file accepts them with a reason, an
 * approver and an expiry at most a year ahead; an accepted one is a warning of the run.
 */
class CleartextAcceptanceTest {

    private static final String IMAP_LINE = "imap: {host: mail.corp.example.com, security: starttls}";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @TempDir
    Path project;

    @Test
    void plainHttpWithoutAcceptanceIsRefusedWithOneLineThatSaysWhatCrosses() {
        assertThat(errors(project, with(SITE, "    port: 5986", "    https: false"))).singleElement().asString()
                .startsWith("environments/site.yaml:7: exchange.management.https: WinRM over plain HTTP (https: false) has no"
                        + " message encryption here")
                .contains("unencrypted and unsigned", "AllowUnencrypted=true", "Basic password in clear", "goes only to the KDC")
                .endsWith("use https: true, or accept it under exchange.management.acceptCleartext: {reason, approvedBy, expires}"
                        + " (at most one year ahead, like a waiver)");
    }

    @Test
    void acceptedPlainHttpLoadsAndIsAWarningNamingWhoAcceptedItUntilWhen() {
        Environment env = load(project, Fixtures.sitePlainHttpAccepted(), VARIABLES);

        CleartextAcceptance accepted = env.exchange().management().acceptCleartext().orElseThrow();
        assertThat(accepted.approvedBy()).isEqualTo("Jane Doe (Security)");
        assertThat(accepted.ticket()).contains("RISK-42");
        assertThat(env.warnings()).singleElement().asString()
                .startsWith("WinRM over plain HTTP (https: false)")
                .endsWith("; accepted by Jane Doe (Security), ticket RISK-42, until " + TODAY.plusMonths(1)
                        + ": Test bench on an isolated VLAN");
    }

    @Test
    void anExpiredAcceptanceIsRefusedLikeAMissingOne() {
        String yaml = with(SITE, "    port: 5986", "    https: false\n    acceptCleartext: " + acceptance(TODAY.minusDays(1)));

        assertThat(errors(project, yaml)).containsExactly("environments/site.yaml:8: exchange.management.acceptCleartext.expires:"
                + " expired on " + TODAY.minusDays(1) + "; an expired acceptance counts as none: have it approved again with a"
                + " new expiry, or stop needing it");
    }

    @Test
    void anAcceptanceRunsAtMostOneYearAhead() {
        LocalDate tooLate = TODAY.plusYears(1).plusDays(1);
        String yaml = with(SITE, IMAP_LINE, "imap: {host: mail.corp.example.com, security: none, acceptCleartext: "
                + acceptance(tooLate) + "}");

        assertThat(errors(project, yaml)).containsExactly("environments/site.yaml:18: imap.acceptCleartext.expires: an acceptance"
                + " may run at most one year ahead (until " + TODAY.plusYears(1) + "), found " + tooLate);
    }

    @Test
    void anAcceptanceWithoutApproverIsRefusedByTheSchema() {
        String yaml = with(SITE, IMAP_LINE, "imap: {host: mail.corp.example.com, security: none, acceptCleartext:"
                + " {reason: bench, expires: " + TODAY.plusDays(3) + "}}");

        assertThat(errors(project, yaml)).singleElement().asString()
                .startsWith("environments/site.yaml:18: imap.acceptCleartext.approvedBy: missing required key");
    }

    @Test
    void imapWithoutTlsIsRefusedWhetherWrittenOrLeftOut() {
        assertThat(errors(project, with(SITE, IMAP_LINE, "imap: {host: mail.corp.example.com, security: none}")))
                .singleElement().asString()
                .startsWith("environments/site.yaml:18: imap.security: imap.security none (written, or left out: the probes"
                        + " then use none) sends the UCCX account's password to the IMAP server in clear text")
                .endsWith("; use security: starttls or ssl, or accept it under imap.acceptCleartext: {reason, approvedBy,"
                        + " expires} (at most one year ahead, like a waiver)");
        assertThat(errors(project, with(SITE, IMAP_LINE, "imap: {host: mail.corp.example.com}")))
                .singleElement().asString().startsWith("environments/site.yaml:18: imap: imap.security none");
    }

    @Test
    void acceptedImapWithoutTlsIsAWarning() {
        Environment env = load(project, with(SITE, IMAP_LINE, "imap: {host: mail.corp.example.com, security: none,"
                + " acceptCleartext: " + acceptance() + "}"), VARIABLES);

        assertThat(env.imap().orElseThrow().port()).isEqualTo(143);
        assertThat(env.warnings()).singleElement().asString()
                .startsWith("imap.security none").contains("in clear text").contains("accepted by Jane Doe (Security)");
    }

    @Test
    void aLocalTransportIsNotTheLab() {
        String local = SITE.replaceAll("(?m)^    (host|port|username|password): .*\n", "").replace("transport: winrm", "transport: local");

        assertThat(errors(project, with(local, IMAP_LINE, "imap: {host: mail.corp.example.com, security: none}")))
                .singleElement().asString().startsWith("environments/site.yaml:14: imap.security: imap.security none");
    }

    @Test
    void theLabNeedsNoAcceptanceAndWarnsOfNothing() {
        Environment env = load(project, LAB + "imap: {host: 127.0.0.1, port: 1143, security: none}\n", Map.of());

        assertThat(env.imap().orElseThrow().isCleartext()).isTrue();
        assertThat(env.warnings()).isEmpty();
        assertThat(load(project, LAB, Map.of()).warnings()).isEmpty();
    }

    @Test
    void anAcceptanceWhereNothingIsInClearIsRefusedAsNotUsed() {
        String accepted = "acceptCleartext: " + acceptance();
        String yaml = with(with(with(SITE, IMAP_LINE, "imap: {host: mail.corp.example.com, security: starttls, " + accepted + "}"),
                "smtp: {host: mail.corp.example.com}", "smtp: {host: mail.corp.example.com, " + accepted + "}"),
                "    port: 5986", "    port: 5986\n    " + accepted);

        assertThat(errors(project, yaml)).containsExactly(
                "environments/site.yaml:8: exchange.management.acceptCleartext: only used with https: false; remove it",
                "environments/site.yaml:19: imap.acceptCleartext: only used with security: none; remove it",
                "environments/site.yaml:20: smtp.acceptCleartext: not used under smtp: the SMTP probe never logs in, so no"
                        + " password crosses; remove it");
        assertThat(errors(project, LAB + "imap: {host: 127.0.0.1, security: none, " + accepted + "}\n")).singleElement()
                .asString().contains("imap.acceptCleartext: not used in a lab environment");
    }
}
