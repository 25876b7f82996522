package uccx.compliance.collector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue "Bad input" as a table: each row is a shipped environment file spoiled by one small
 * edit (or a bad {@code -Dsnapshot}), run through the build's validation step. Each must be refused
 * with exactly one line naming the file, the line and the key, no stack trace, and no secret.
 */
class BadEnvironmentFilesTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("basedir", ".")))
            .toAbsolutePath().normalize();

    /** Distinctive, so that any echo of them is found. */
    private static final String AUDIT_SECRET = "S3cret-Value-4711";
    private static final String UCCX_SECRET = "S3cret-Value-4712";
    private static final String LITERAL_PASSWORD = "Literal-Pa55-0815";

    private static final Map<String, String> VARIABLES = Map.of(
            "EXCHANGE_AUDIT_PASSWORD", AUDIT_SECRET, "UCCX_MAILBOX_PASSWORD", UCCX_SECRET);

    private static final String PROD = "environments/prod.example.yaml";
    private static final String LAB = "environments/lab.yaml";

    /** Line 63 of prod.example.yaml; a waiver replacing it starts its item on line 64. */
    private static final String WAIVERS = "waivers: []";

    @TempDir
    Path project;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /**
     * One bad file.
     *
     * @param name     the file's name, {@code environments/<name>.yaml}
     * @param base     the shipped file it starts from
     * @param from     the exact text replaced (it must occur in {@code base})
     * @param to       its replacement
     * @param unset    a variable left unset for this case, or null
     * @param line     the line the error must name
     * @param key      the key path the error must name
     * @param fragment a piece of the expected message
     */
    record BadFile(String name, String base, String from, String to, String unset, int line, String key, String fragment) {

        static BadFile of(String name, String base, String from, String to, int line, String key, String fragment) {
            return new BadFile(name, base, from, to, null, line, key, fragment);
        }

        String file() {
            return "environments/" + name + ".yaml";
        }

        Map<String, String> variables() {
            Map<String, String> v = new HashMap<>(VARIABLES);
            if (unset != null) {
                v.remove(unset);
            }
            return v;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadFile> badFiles() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Stream.of(
                BadFile.of("yaml-unclosed-brace", PROD, "timeouts: {connectSeconds: 10, readSeconds: 120}",
                        "timeouts: {connectSeconds: 10, readSeconds: 120", 56, "timeouts", "malformed YAML"),
                BadFile.of("yaml-tab-indent", PROD, "  port: 25\n", "\tport: 25\n", 53, "smtp", "malformed YAML"),
                BadFile.of("unknown-key", PROD, "eventLookbackHours: 24", "eventLookbackHour: 24",
                        56, "eventLookbackHour", "unknown key; did you mean \"eventLookbackHours\"?"),
                BadFile.of("unknown-key-in-section", LAB, "  agents: 120", "  agents: 120\n  colour: blue",
                        20, "uccx.colour", "unknown key"),
                BadFile.of("duplicate-key", PROD, "name: prod ", "name: prod\nname: again ", 13, "name",
                        "duplicate key; the first is on line 12"),
                BadFile.of("agents-wrong-type", PROD, "agents: 120", "agents: many", 42, "uccx.agents", "must be an integer"),
                BadFile.of("https-not-a-boolean", PROD, "https: true", "https: 'true'", 21, "exchange.management.https",
                        "must be true or false"),
                BadFile.of("missing-required-key", PROD, "  mailbox: uccx-email@corp.example.com\n", "", 38, "uccx.mailbox",
                        "missing required key"),
                BadFile.of("bad-version", PROD, "version: 2010-SP3", "version: 2013-CU1", 15, "exchange.version",
                        "must be one of 2010-RTM, 2010-SP1, 2010-SP2, 2010-SP3"),
                BadFile.of("threshold-negative", PROD, "thresholds: {}", "thresholds: {maxConnectionsPerUser: -1}", 61,
                        "thresholds.maxConnectionsPerUser", "-1 is below the checklist's 2400"),
                BadFile.of("threshold-zero", PROD, "thresholds: {}", "thresholds: {messageRateLimit: 0}", 61,
                        "thresholds.messageRateLimit", "0 is below the checklist's 250"),
                BadFile.of("timeout-zero", PROD, "connectSeconds: 10", "connectSeconds: 0", 55, "timeouts.connectSeconds",
                        "must be at least 1"),
                BadFile.of("target-timeout-zero", PROD, "readSeconds: 120}", "readSeconds: 120, targetSeconds: 0}", 55,
                        "timeouts.targetSeconds", "must be at least 1"),
                BadFile.of("target-timeout-too-long", PROD, "readSeconds: 120}", "readSeconds: 120, targetSeconds: 601}", 55,
                        "timeouts.targetSeconds", "must be at most 600"),
                BadFile.of("port-too-high", PROD, "  port: 143", "  port: 70000", 46, "imap.port", "must be at most 65535"),
                BadFile.of("port-zero", PROD, "  port: 25", "  port: 0", 53, "smtp.port", "must be at least 1"),
                BadFile.of("empty-server-list", PROD, "clientAccessServers: [EXCH01, EXCH02]", "clientAccessServers: []",
                        34, "exchange.clientAccessServers", "must list at least 1 item"),
                BadFile.of("duplicate-server", PROD, "mailboxServers: [EXCH01, EXCH02]", "mailboxServers: [EXCH01, EXCH01]",
                        35, "exchange.mailboxServers", "lists \"EXCH01\" more than once"),
                BadFile.of("server-as-fqdn", PROD, "mailboxServers: [EXCH01, EXCH02]", "mailboxServers: [EXCH01, exch02.corp.example.com]",
                        35, "exchange.mailboxServers[1]", "not an FQDN"),
                BadFile.of("connector-without-server", PROD, "'EXCH02\\UCCX Relay']", "'UCCX Relay']", 36,
                        "exchange.receiveConnectors[1]", "SERVER\\Connector Name"),
                new BadFile("variable-unset", PROD, "", "", "UCCX_MAILBOX_PASSWORD", 41, "uccx.password",
                        "${UCCX_MAILBOX_PASSWORD} names an environment variable that is not set"),
                BadFile.of("variable-in-host", PROD, "host: exch01.corp.example.com", "host: ${EXCHANGE_HOST}", 19,
                        "exchange.management.host", "${EXCHANGE_HOST} is not read here: only a secret"),
                BadFile.of("imap-without-tls", PROD, "security: starttls ", "security: none ", 47, "imap.security",
                        "sends the UCCX account's password to the IMAP server in clear text"),
                BadFile.of("literal-password", PROD, "password: ${UCCX_MAILBOX_PASSWORD}", "password: " + LITERAL_PASSWORD, 41,
                        "uccx.password", "a literal password is refused"),
                BadFile.of("literal-password-with-braces", PROD, "password: ${EXCHANGE_AUDIT_PASSWORD}",
                        "password: ${" + LITERAL_PASSWORD + "}", 27, "exchange.management.password", "malformed reference"),
                BadFile.of("waiver-bad-date", PROD, WAIVERS, waiver("SMTP-01", "2026-02-30"), 69, "waivers[0].expires",
                        "must be an ISO date (YYYY-MM-DD)"),
                BadFile.of("waiver-unknown-control", PROD, WAIVERS, waiver("IMAP-9", today.plusMonths(1).toString()), 64,
                        "waivers[0].control", "must be one of EXC-01"),
                BadFile.of("waiver-too-far-ahead", PROD, WAIVERS, waiver("SMTP-01", today.plusYears(2).toString()), 69,
                        "waivers[0].expires", "a waiver may run at most one year ahead"),
                BadFile.of("waiver-without-ticket", PROD, WAIVERS, waiver("SMTP-01", today.plusMonths(1).toString())
                        .replace("    ticket: CHG-12345\n", ""), 64, "waivers[0].ticket", "missing required key"),
                BadFile.of("agents-negative", LAB, "agents: 120", "agents: -5", 19, "uccx.agents", "must be at least 1"),
                BadFile.of("unknown-transport", PROD, "transport: winrm", "transport: ssh", 18, "exchange.management.transport",
                        "must be one of winrm, local, lab"),
                BadFile.of("https-url-as-host", PROD, "host: exch01.corp.example.com", "host: https://exch01.corp.example.com",
                        19, "exchange.management.host", "without scheme, port, path or spaces"),
                BadFile.of("https-port-left-empty", PROD, "port: 5986 ", "port: ", 20, "exchange.management.port",
                        "must be an integer, found no value"),
                BadFile.of("misspelt-lab-section", LAB, "lab:\n  servers:", "labs:\n  servers:", 24,
                        "labs", "unknown key; did you mean \"lab\"?"),
                BadFile.of("misspelt-required-key", PROD, "  account: CORP", "  acount: CORP", 40,
                        "uccx.acount", "unknown key; did you mean \"account\"?"),
                BadFile.of("variable-for-a-number", PROD, "port: 5986 ", "port: ${WINRM_PORT} ", 20,
                        "exchange.management.port", "${WINRM_PORT} is not read here: only a secret"));
    }

    /** A waiver in place of {@code waivers: []}: the item on line 64, its expiry on line 69. */
    private static String waiver(String control, String expires) {
        return """
                waivers:
                  - control: CONTROL
                    target: 'EXCH02\\UCCX Relay'
                    reason: Connector retired in the March change window
                    approvedBy: Jane Doe (Messaging lead)
                    ticket: CHG-12345
                    expires: EXPIRES""".replace("CONTROL", control).replace("EXPIRES", expires);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void isRefusedWithOneLineNamingFileLineAndKey(BadFile bad) throws IOException {
        String text = Files.readString(PROJECT.resolve(bad.base()), StandardCharsets.UTF_8);
        assertThat(text).as("the edit must change the file").contains(bad.from());
        write(bad.file(), bad.from().isEmpty() ? text : text.replace(bad.from(), bad.to()));

        int status = run(bad.variables(), bad.name(), project.toString(), "");

        assertThat(status).as(stderr()).isEqualTo(1);
        List<String> lines = stderr().lines().toList();
        assertThat(lines).as("one error line and the count").hasSize(2);
        assertThat(lines.get(0)).matches(Pattern.quote(bad.file() + ":" + bad.line() + ": " + bad.key() + ": ") + ".+")
                .contains(bad.fragment());
        assertThat(lines.get(1)).startsWith("1 error: ");
        assertClean(LITERAL_PASSWORD);
    }

    /**
     * A -Dsnapshot that cannot be replayed.
     *
     * @param name     the case
     * @param argument {@code -Dsnapshot}'s value, relative to the project
     * @param content  what the file holds, or null for no file
     * @param fragment a piece of the expected message
     */
    record BadSnapshot(String name, String argument, String content, String fragment) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadSnapshot> badSnapshots() {
        return Stream.of(
                new BadSnapshot("snapshot-missing", "snapshots/snapshot.xml", null, "no such file"),
                new BadSnapshot("snapshot-absolute-missing", "/nonexistent-folder/snapshot.xml", null,
                        "no such file"),
                new BadSnapshot("snapshot-a-directory", "snapshots", "", "is a directory"),
                new BadSnapshot("snapshot-empty", "snapshot.xml", "", "is empty"),
                new BadSnapshot("snapshot-plain-text", "snapshot.xml", "password=" + AUDIT_SECRET + "\nnot the collector's output\n",
                        "is not the collector's CliXml output"),
                new BadSnapshot("snapshot-html", "snapshot.xml", "<html><body>" + AUDIT_SECRET + "</body></html>\n",
                        "is not the collector's CliXml output"),
                new BadSnapshot("snapshot-cut-off", "snapshot.xml",
                        "#< CLIXML\r\n<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"
                                + "<Obj RefId=\"0\"><MS><S N=\"Secret\">" + AUDIT_SECRET + "</S>", "is not the collector's CliXml output"),
                new BadSnapshot("snapshot-utf16-not-clixml", "snapshot.xml", "\uFEFFnot the collector's output", "is not the collector's CliXml output"),
                new BadSnapshot("snapshot-marker-only", "snapshot.xml", "#< CLIXML\r\n", "holds no record of the collector script"),
                new BadSnapshot("snapshot-latin1", "snapshot.xml", "#< CLIXML caf\u00e9", "is neither UTF-8 text nor UTF-16"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSnapshots")
    void aSnapshotThatCannotBeReplayedIsRefusedWithOneLine(BadSnapshot bad) throws IOException {
        write("environments/site.yaml", Files.readString(PROJECT.resolve(PROD), StandardCharsets.UTF_8));
        if (bad.content() != null) {
            if (bad.name().equals("snapshot-a-directory")) {
                Files.createDirectories(project.resolve(bad.argument()));
            } else if (bad.name().equals("snapshot-utf16-not-clixml")) {
                Files.write(project.resolve(bad.argument()), bad.content().getBytes(StandardCharsets.UTF_16LE));
            } else if (bad.name().equals("snapshot-latin1")) {
                Files.write(project.resolve(bad.argument()), bad.content().getBytes(StandardCharsets.ISO_8859_1));
            } else {
                write(bad.argument(), bad.content());
            }
        }

        int status = run(VARIABLES, "site", project.toString(), bad.argument());

        assertThat(status).as(stderr()).isEqualTo(1);
        List<String> lines = stderr().lines().toList();
        assertThat(lines).as("one error line and the count").hasSize(2);
        assertThat(lines.get(0)).startsWith("-Dsnapshot=" + bad.argument() + ": ").contains(bad.fragment());
        assertThat(lines.get(1)).startsWith("1 error: ");
        assertClean(LITERAL_PASSWORD);
    }

    @Test
    void anEmptySnapshotArgumentMeansNoReplayAndAValidRunPasses() throws IOException {
        write("environments/site.yaml", Files.readString(PROJECT.resolve(PROD), StandardCharsets.UTF_8));

        assertThat(run(VARIABLES, "site", project.toString(), "")).as(stderr()).isZero();
        assertThat(run(VARIABLES, "site", project.toString())).as(stderr()).isZero();
        assertThat(stderr()).isEmpty();
    }

    @Test
    void aReadableCliXmlSnapshotPasses() throws IOException {
        write("environments/site.yaml", Files.readString(PROJECT.resolve(PROD), StandardCharsets.UTF_8));
        write("snapshot.xml", Files.readString(PROJECT.resolve("src/test/resources/clixml/ps2-imap-settings.stdout.xml"),
                StandardCharsets.UTF_8));

        assertThat(run(VARIABLES, "site", project.toString(), "snapshot.xml")).as(stderr()).isZero();
    }

    @Test
    void aBadFileAndABadSnapshotAreBothReportedInOneRun() throws IOException {
        String text = Files.readString(PROJECT.resolve(PROD), StandardCharsets.UTF_8);
        write("environments/site.yaml", text.replace("agents: 120", "agents: -1"));

        assertThat(run(VARIABLES, "site", project.toString(), "missing.xml")).isEqualTo(1);

        assertThat(stderr().lines()).hasSize(4)
                .anyMatch(l -> l.startsWith("environments/site.yaml:42: uccx.agents: "))
                .anyMatch(l -> l.startsWith("-Dsnapshot=missing.xml: no such file"));
    }

    private int run(Map<String, String> variables, String... args) {
        return ValidateRun.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), variables);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** No stack trace and no secret, neither a variable's value nor a password written into the file. */
    private void assertClean(String literal) {
        String all = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(all).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Caused by")
                .doesNotContain(AUDIT_SECRET).doesNotContain(UCCX_SECRET).doesNotContain(literal);
        assertThat(all.lines()).noneMatch(l -> l.stripLeading().startsWith("at "));
    }

    private void write(String relative, String text) {
        try {
            Path file = project.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
