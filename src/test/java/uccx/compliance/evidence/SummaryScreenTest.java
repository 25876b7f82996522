package uccx.compliance.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class SummaryScreenTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")))
            .toAbsolutePath().normalize();
    private static final Instant STARTED = Instant.parse("2026-12-03T01:09:42Z");

    @TempDir
    Path work;

    @Test
    void showsEachControlAndTargetWithItsOutcomeTheCountsAndWhereReportAndEvidenceAre() throws Exception {
        RunSummary summary = new RunSummary("lab", STARTED, List.of("EXC-01", "IMAP-01", "IMAP-02", "THR-01", "LIVE-04"));
        summary.add(new ControlResult("IMAP-01", "EXCH02", Outcome.NON_COMPLIANT,
                "IMAP-01 non-compliant on EXCH02 (IMAP4 connection limits on every Client Access server): 2 settings violate the checklist\n"
                        + "  - MaxConnections: expected at least 2400 (checklist value), found 16\n"
                        + "  - MaxConnectionsPerUser: expected at least 2400 (checklist value), found 16\n"
                        + "Fix (review before running):\n    Set-ImapSettings -Server EXCH02 -MaxConnections 2400"));
        summary.add(new ControlResult("IMAP-01", "EXCH01", Outcome.COMPLIANT, "compliant: MaxConnections 2400"));
        summary.add(new ControlResult("EXC-01", "EXCH02", Outcome.COMPLIANT, "compliant: 2010-SP3"));
        summary.add(new ControlResult("EXC-01", "EXCH01", Outcome.COMPLIANT, "compliant: 2010-SP3"));
        summary.add(new ControlResult("IMAP-02", "EXCH02", Outcome.COULD_NOT_VERIFY,
                "IMAP-02 could not verify on EXCH02: registry: Attempted to perform an unauthorized operation.\nPrerequisite: ..."));
        summary.add(new ControlResult("THR-01", "uccx-email@lab.example.com", Outcome.WAIVED, "waived: CHG-4711 until 2026-12-31"));
        summary.add(new ControlResult("LIVE-04", "EXCH01", Outcome.NOT_APPLICABLE, "not-applicable: no IMAP probe configured"));
        summary.warn("WinRM over plain HTTP (https: false)");
        Path run = summary.write(work.resolve("reports/lab"), STARTED.plusMillis(4_700), 1);
        Files.writeString(run.resolve(AllureReport.SINGLE_FILE), "<html></html>");
        EvidenceBundle.seal(run, PROJECT.resolve("environments/lab.yaml"), "lab");

        List<String> screen = SummaryScreen.standard().lines(RecordedRun.read(run), work);

        assertThat(screen).containsExactly(
                "",
                "uccx-exchange-compliance: environment lab, run 20261203T010942Z, 4.7 s, 1 remote command",
                "",
                "  [+] EXC-01   Exchange version matches the environment file",
                "        [+] compliant: EXCH01, EXCH02",
                "  [x] IMAP-01  IMAP4 connection limits on every Client Access server",
                "        [+] compliant: EXCH01",
                "        [x] EXCH02 non-compliant: MaxConnections: expected at least 2400 (checklist value), found 16; MaxConnectionsP...",
                "  [?] IMAP-02  Store service sessions per user on every Mailbox server",
                "        [?] EXCH02 could-not-verify: registry: Attempted to perform an unauthorized operation.",
                "  [~] THR-01   A dedicated throttling policy is assigned to the UCCX mailbox",
                "        [~] uccx-email@lab.example.com waived: CHG-4711 until 2026-12-31",
                "  [-] LIVE-04  The IMAP port offers a login the UCCX client can use",
                "        [-] not-applicable: EXCH01",
                "",
                "Controls: 1 compliant, 1 non-compliant, 1 could-not-verify, 1 waived, 1 not-applicable (5, by worst target)",
                "Results:  3 compliant, 1 non-compliant, 1 could-not-verify, 1 waived, 1 not-applicable (7 control x target)",
                "Verdict:  FAILED: 2 results non-compliant or could not be verified",
                "",
                "Changes:  no earlier run to compare with",
                "",
                "Warning: WinRM over plain HTTP (https: false)",
                "",
                "Report:   reports/lab/20261203T010942Z/report.html",
                "Evidence: reports/lab/20261203T010942Z/evidence-lab-20261203T010942Z.zip",
                "Run:      reports/lab/20261203T010942Z");
    }

    @Test
    void theOscalResultsAndTheSignatureAreNamedWhenTheRunWroteThem() throws Exception {
        RunSummary summary = new RunSummary("lab", STARTED, List.of("EXC-01"));
        summary.add(new ControlResult("EXC-01", "EXCH01", Outcome.COMPLIANT, "compliant: 2010-SP3"));
        Path run = summary.write(work.resolve("reports/lab"), STARTED.plusSeconds(2), 1);

        assertThat(SummaryScreen.files(RecordedRun.read(run), work)).as("a run that wrote neither")
                .noneMatch(l -> l.startsWith("OSCAL:") || l.startsWith("Signed:"));

        Files.writeString(run.resolve("assessment-results.json"), "{}");
        Files.write(run.resolve("MANIFEST.sha256.p7s"), new byte[] {0x30});
        assertThat(SummaryScreen.files(RecordedRun.read(run), work)).containsSubsequence(
                "OSCAL:    reports/lab/20261203T010942Z/assessment-results.json",
                "Signed:   reports/lab/20261203T010942Z/MANIFEST.sha256.p7s (openssl cms -verify, then sha256sum -c MANIFEST.sha256: README, Signed evidence)",
                "Run:      reports/lab/20261203T010942Z");
    }

    @Test
    void theChangesSinceTheEarlierRunAreCountedAndListedUnderTheVerdict() throws Exception {
        RunSummary summary = new RunSummary("lab", STARTED, List.of("EXC-01", "IMAP-01"));
        summary.add(new ControlResult("IMAP-01", "EXCH02", Outcome.NON_COMPLIANT, "non-compliant",
                List.of(new JudgedSetting("MaxConnections", "at least 2400", "16", false))));
        summary.add(new ControlResult("EXC-01", "EXCH02", Outcome.COMPLIANT, "compliant"));
        summary.compareWith(new Baseline(java.util.Optional.of(new EarlierRun("20261127T021500Z", "lab", List.of(
                new ControlResult("IMAP-01", "EXCH02", Outcome.COMPLIANT, "compliant",
                        List.of(new JudgedSetting("MaxConnections", "at least 2400", "2400", true))),
                new ControlResult("EXC-01", "EXCH02", Outcome.COMPLIANT, "compliant"),
                new ControlResult("EXC-01", "EXCH03", Outcome.COMPLIANT, "compliant")), true)), java.util.Optional.empty()));
        Path run = summary.write(work.resolve("reports/lab"), STARTED.plusSeconds(3), 1);

        List<String> screen = SummaryScreen.standard().lines(RecordedRun.read(run), work);

        int verdict = screen.indexOf("Verdict:  FAILED: 1 result non-compliant or could not be verified");
        assertThat(screen.subList(verdict + 1, verdict + 5)).containsExactly("",
                "Changes:  2 changes since 20261127T021500Z",
                "        EXC-01 EXCH03 compliant -> (gone)",
                "        IMAP-01 EXCH02 compliant -> non-compliant (MaxConnections 2400 -> 16)");
    }

    @Test
    void aSummaryWrittenBeforeRunsComparedThemselvesShowsNoChangesLine() throws Exception {
        Path run = Files.createDirectories(work.resolve("reports/lab/20261120T021500Z"));
        Files.writeString(run.resolve("summary.json"), """
                {"environment": "lab", "results": [{"control": "EXC-01", "target": "EXCH01", "outcome": "compliant", "message": "compliant"}]}
                """);

        assertThat(SummaryScreen.standard().lines(RecordedRun.read(run), work)).noneMatch(l -> l.startsWith("Changes"));
    }

    @Test
    void theReasonLeavesOutWhatTheScreenAlreadyShows() {
        assertThat(SummaryScreen.reason(new ControlResult("LIVE-02", "EXCH01", Outcome.NON_COMPLIANT,
                "LIVE-02 non-compliant on EXCH01 (Capacity: 2 x (agents + 1) concurrent IMAP sessions): the server refused")))
                .isEqualTo("the server refused");
        assertThat(SummaryScreen.reason(new ControlResult("NET-01", "IMAP EXCH01", Outcome.COULD_NOT_VERIFY,
                "NET-01 could not verify on IMAP EXCH01: connection timed out after 15 s"))).isEqualTo("connection timed out after 15 s");
        assertThat(SummaryScreen.reason(new ControlResult("THR-01", "x", Outcome.WAIVED, "waived: CHG-1 until 2026-12-31")))
                .isEqualTo("CHG-1 until 2026-12-31");
    }

    @Test
    void aCompliantRunPassesAndARunNotYetPublishedSaysSo() throws Exception {
        RunSummary summary = new RunSummary("lab", STARTED, List.of("EXC-01"));
        summary.add(new ControlResult("EXC-01", "EXCH01", Outcome.COMPLIANT, "compliant: 2010-SP3"));
        Path run = summary.write(work.resolve("reports/lab"), STARTED.plusSeconds(3), 2);

        List<String> screen = SummaryScreen.standard().lines(RecordedRun.read(run), work);

        assertThat(screen).contains("uccx-exchange-compliance: environment lab, run 20261203T010942Z, 3.0 s, 2 remote commands",
                "Verdict:  PASSED: nothing is non-compliant or could not be verified",
                "Report:   not written (see the lines above)", "Evidence: not sealed (see the lines above)");
        assertThat(screen).noneMatch(l -> l.startsWith("Warning") || l.startsWith("Credentials"));
    }

    @Test
    void manyTargetsOfOneOutcomeAreCountedButEveryFailingTargetIsNamed() throws Exception {
        RunSummary summary = new RunSummary("big", STARTED, List.of("IMAP-01"));
        for (int i = 1; i <= 12; i++) {
            summary.add(new ControlResult("IMAP-01", "EXCH%02d".formatted(i), Outcome.COMPLIANT, "compliant"));
        }
        summary.add(new ControlResult("IMAP-01", "EXCH13", Outcome.NON_COMPLIANT, "non-compliant: MaxConnections " + "9".repeat(200)));
        Path run = summary.write(work.resolve("reports/big"), STARTED.plusSeconds(3), 1);

        List<String> screen = SummaryScreen.standard().lines(RecordedRun.read(run), work);

        assertThat(screen).contains("        [+] compliant: EXCH01, EXCH02, EXCH03, EXCH04, EXCH05, EXCH06, EXCH07, EXCH08 and 4 more");
        assertThat(screen).anyMatch(l -> l.startsWith("        [x] EXCH13 non-compliant: MaxConnections 999") && l.endsWith("..."));
        assertThat(screen).allMatch(l -> l.length() <= SummaryScreen.WIDTH);
    }

    /** Fields the summary may gain (credentials, warnings as objects) are shown when present; unknown ones do no harm. */
    @Test
    void credentialsAndWarningsAreShownWhenTheSummaryHasThem() throws Exception {
        RunSummary summary = new RunSummary("lab", STARTED, List.of("EXC-01"));
        summary.add(new ControlResult("EXC-01", "EXCH01", Outcome.COMPLIANT, "compliant: 2010-SP3"));
        Path run = summary.write(work.resolve("reports/lab"), STARTED.plusSeconds(3), 1);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = (ObjectNode) mapper.readTree(run.resolve("summary.json").toFile());
        json.putArray("warnings").add("plain HTTP").addObject().put("code", "tls").put("text", "a pinned\ncertificate");
        ObjectNode credentials = json.putObject("credentials");
        credentials.putObject("uccx").put("state", "refused-earlier").put("since", "20261128T021500Z");
        credentials.putObject("smtp").put("state", "not-used").putNull("since");
        json.put("changesSince", 3);
        mapper.writeValue(run.resolve("summary.json").toFile(), json);

        List<String> screen = SummaryScreen.standard().lines(RecordedRun.read(run), work);

        assertThat(screen).containsSubsequence("Warning: plain HTTP", "Warning: code: tls, text: a pinned certificate",
                "Credentials: uccx: refused-earlier since 20261128T021500Z, smtp: not-used");
    }

    /** The screen is one section more for issue 14's "N changes since <run>": a section is all it takes. */
    @Test
    void aSectionAddsItsLinesInItsPlace() throws Exception {
        RunSummary summary = new RunSummary("lab", STARTED, List.of("EXC-01"));
        summary.add(new ControlResult("EXC-01", "EXCH01", Outcome.COMPLIANT, "compliant: 2010-SP3"));
        Path run = summary.write(work.resolve("reports/lab"), STARTED.plusSeconds(3), 1);

        List<String> screen = new SummaryScreen(List.of(SummaryScreen::header, (r, base) -> List.of("2 changes since 20261202T010942Z"),
                (r, base) -> List.of())).lines(RecordedRun.read(run), work);

        assertThat(screen).containsExactly("", "uccx-exchange-compliance: environment lab, run 20261203T010942Z, 3.0 s, 1 remote command",
                "", "2 changes since 20261202T010942Z");
    }

    @Test
    void asTheBuildRunsItShowsTheRunOfThisBuildOnly() throws Exception {
        Path results = Files.createDirectories(work.resolve("allure-results"));
        Path reports = work.resolve("reports");

        assertThat(screen(results, reports)).isEqualTo("No summary: no Allure results in " + results + " (the controls did not run)\n");

        Path result = Files.writeString(results.resolve("a-result.json"), "{}");
        Files.setLastModifiedTime(result, FileTime.from(Instant.now().minusSeconds(60)));
        RunSummary summary = new RunSummary("lab", STARTED, List.of("EXC-01"));
        summary.add(new ControlResult("EXC-01", "EXCH01", Outcome.NON_COMPLIANT, "non-compliant: 2010-SP1"));
        Path run = summary.write(reports.resolve("lab"), STARTED.plusSeconds(3), 1);

        assertThat(screen(results, reports)).contains("  [x] EXC-01", "Verdict:  FAILED: 1 result non-compliant",
                "Run:      " + run.toAbsolutePath().normalize());

        Files.setLastModifiedTime(result, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(screen(results, reports)).startsWith("No summary: the latest run 20261203T010942Z is older than the results");
    }

    @Test
    void aScreenThatCannotBeShownIsOneLineNotAFailedBuild() {
        assertThat(screen(work, work, "no-such-environment")).startsWith("No summary: the environment cannot be read: environments/no-such-environment.yaml: ")
                .hasLineCount(1);
    }

    /** pom.xml shows the screen after the report is published and before failsafe's verify, with the report's arguments. */
    @Test
    void theBuildShowsTheScreenAfterTheReportAndBeforeTheVerdict() throws Exception {
        Document pom = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(PROJECT.resolve("pom.xml").toFile());
        List<String> plugins = new ArrayList<>();
        Element screen = null;
        Element report = null;
        NodeList executions = pom.getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            String id = child(execution, "id");
            Element plugin = (Element) execution.getParentNode().getParentNode();
            if (!"plugins".equals(plugin.getParentNode().getNodeName()) || !"build".equals(plugin.getParentNode().getParentNode().getNodeName())
                    || !"project".equals(plugin.getParentNode().getParentNode().getParentNode().getNodeName())) {
                continue;
            }
            if (id.equals("summary-screen")) {
                screen = execution;
                plugins.add(child(plugin, "artifactId"));
            } else if (id.equals("allure-report")) {
                report = execution;
                plugins.add(child(plugin, "artifactId"));
            }
        }
        assertThat(plugins).as("same phase: Maven runs them in the order they are declared")
                .containsExactly("maven-antrun-plugin", "exec-maven-plugin");
        assertThat(child(screen, "phase")).isEqualTo(child(report, "phase")).isEqualTo("post-integration-test");
        assertThat(screen.getElementsByTagName("goal").item(0).getTextContent()).isEqualTo("java");
        assertThat(screen.getElementsByTagName("mainClass").item(0).getTextContent()).isEqualTo(SummaryScreen.class.getName());
        List<String> reportArgs = new ArrayList<>();
        NodeList args = report.getElementsByTagName("arg");
        for (int i = 0; i < args.getLength(); i++) {
            reportArgs.add(((Element) args.item(i)).getAttribute("value"));
        }
        List<String> screenArgs = new ArrayList<>();
        NodeList arguments = screen.getElementsByTagName("argument");
        for (int i = 0; i < arguments.getLength(); i++) {
            screenArgs.add(arguments.item(i).getTextContent().strip());
        }
        assertThat(screenArgs).containsExactly(reportArgs.get(0), reportArgs.get(1), reportArgs.get(2), "${project.basedir}");
    }

    private String screen(Path results, Path reports) {
        return screen(results, reports, "lab");
    }

    private String screen(Path results, Path reports, String env) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryScreen.run(new String[] {results.toString(), reports.toString(), env, PROJECT.toString()},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String child(Element parent, String tag) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && tag.equals(e.getTagName())) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }
}
