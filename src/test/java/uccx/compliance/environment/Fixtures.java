package uccx.compliance.environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Environment files for the tests, small enough to read with their line numbers in mind. */
final class Fixtures {

    /** The project itself, where the shipped environments live. */
    static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

    static final Map<String, String> VARIABLES = Map.of("AUDIT_PW", "audit-s3cret", "UCCX_PW", "uccx-s3cret");

    /** A valid WinRM site; the comments are the line numbers the tests expect. */
    static final String SITE = """
            name: site
            exchange:
              version: 2010-SP3
              management:
                transport: winrm
                host: exch01.corp.example.com
                port: 5986
                username: svc-audit@CORP.EXAMPLE.COM
                password: ${AUDIT_PW}
              clientAccessServers: [EXCH01, EXCH02]
              mailboxServers: [EXCH01]
              receiveConnectors: ['EXCH01\\UCCX Relay']
            uccx:
              mailbox: uccx@corp.example.com
              account: CORP\\uccx
              password: ${UCCX_PW}
              agents: 120
            imap: {host: mail.corp.example.com, security: starttls}
            smtp: {host: mail.corp.example.com}
            """;

    /** A valid lab environment with the least it needs. */
    static final String LAB = """
            name: tiny
            exchange:
              version: 2010-SP2
              management:
                transport: lab
              clientAccessServers: [EXCH01]
              mailboxServers: [EXCH01]
              receiveConnectors: ['EXCH01\\Relay']
            uccx:
              mailbox: uccx@t.example.com
              account: T\\uccx
              agents: 10
            lab:
              servers:
                - {name: EXCH01, adminDisplayVersion: Version 14.2 (Build 247.5), roles: [ClientAccess, Mailbox]}
            """;

    private Fixtures() {
    }

    /** An acceptance of a connection without TLS, as a flow mapping for one line, expiring on that day. */
    static String acceptance(java.time.LocalDate expires) {
        return "{reason: Test bench on an isolated VLAN, approvedBy: Jane Doe (Security), ticket: RISK-42, expires: " + expires + "}";
    }

    /** An acceptance a month ahead, current whenever the tests run. */
    static String acceptance() {
        return acceptance(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(1));
    }

    /** {@link #SITE} with WinRM over plain HTTP, accepted: line 7 is {@code https: false}, line 8 the acceptance. */
    static String sitePlainHttpAccepted() {
        return with(SITE, "    port: 5986", "    https: false\n    acceptCleartext: " + acceptance());
    }

    /** Writes {@code <project>/environments/<name>.yaml}. */
    static Path write(Path project, String name, String yaml) {
        try {
            Path file = project.resolve("environments").resolve(name + ".yaml");
            Files.createDirectories(file.getParent());
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The errors of loading that text as {@code environments/site.yaml}. */
    static List<String> errors(Path project, String yaml, Map<String, String> variables) {
        write(project, "site", yaml);
        EnvironmentException e = catchThrowableOfType(EnvironmentException.class,
                () -> new EnvironmentLoader().load("site", project, variables));
        assertThat(e).as("the file is refused").isNotNull();
        assertThat(e.getMessage()).isEqualTo(String.join("\n", e.errors()));
        return e.errors();
    }

    static List<String> errors(Path project, String yaml) {
        return errors(project, yaml, VARIABLES);
    }

    static Environment load(Path project, String yaml, Map<String, String> variables) {
        write(project, "site", yaml);
        return new EnvironmentLoader().load("site", project, variables);
    }

    /** Replaces one exact piece of a file, failing when it is not there (so a test cannot silently test nothing). */
    static String with(String yaml, String from, String to) {
        assertThat(yaml).contains(from);
        return yaml.replace(from, to);
    }
}
