package uccx.compliance.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault the lab can inject ({@code lab.faults}), each run through the whole suite with short
 * timeouts: exactly the controls that meet the fault are could-not-verify, with a message naming
 * the control, the target and the cause; every other control keeps the outcome it has in the
 * compliant lab (compliant); the summary is written; and the run ends in time.
 *
 * <p>Which controls meet a fault:
 * <ul>
 *   <li>a management fault fails the run's one collector command, so every configuration control
 *       (EXC, IMAP, SMTP-01, THR) on every target; the live probes do not use WinRM;</li>
 *   <li>one cmdlet failing ({@code failures}) fails only that fact on that target;</li>
 *   <li>an IMAP fault meets the probes that talk IMAP past the TCP connect: {@code dropAfterGreeting} and
 *       {@code slowGreeting} meet LIVE-01, LIVE-02 and LIVE-04 (NET-01 only connects, and connecting works);
 *       {@code byeMidSession} meets LIVE-01 only, the one probe that opens a folder (LIVE-02 logs in and
 *       out, LIVE-04 never logs in);</li>
 *   <li>an SMTP fault meets LIVE-03, the one probe that talks SMTP.</li>
 * </ul>
 *
 * <p>The time bound: a fault costs a run at most one read timeout per probe that meets it (each
 * probe, and the collector, bound their own wait), so a run ends within
 * {@code waits x readSeconds + connectSeconds} plus {@link #MARGIN} for the controls themselves
 * (the compliant lab takes a few seconds, LIVE-02's 242 sessions most of it).
 */
@Tag("proof")
class FaultsTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));
    private static final Path ENVIRONMENTS = PROJECT.resolve("target/proof-environments");

    static final int CONNECT_SECONDS = 2;
    static final int READ_SECONDS = 3;
    /** What a run takes besides waiting for timeouts: starting the lab, 20-odd controls, 242 IMAP sessions. */
    static final Duration MARGIN = Duration.ofSeconds(10);
    /** Stopping the lab and its threads, after the summary's end, before the in-process run returns. */
    static final Duration SHUTDOWN = Duration.ofSeconds(6);

    private static final Set<String> LIVE = Set.of("NET-01", "LIVE-01", "LIVE-02", "LIVE-03", "LIVE-04");
    private static final Predicate<JsonNode> CONFIGURATION = r -> !LIVE.contains(control(r));

    /**
     * One fault and what it must do to a run.
     *
     * @param affected which results meet the fault
     * @param causes   phrases of the cause (and the prerequisite it points at) every affected message must hold
     * @param waits    how many read timeouts the run may spend waiting on it
     */
    record Fault(String name, Consumer<LabVariant> inject, Predicate<JsonNode> affected, List<String> causes, int waits) {
        Duration bound() {
            return Duration.ofSeconds((long) waits * READ_SECONDS + CONNECT_SECONDS).plus(MARGIN);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fault> faults() {
        return Stream.of(
                management("refused", 0, "connection refused"),
                management("unauthorized", 0, "HTTP 401", "prerequisite: WinRM rights", "README: Preparing a real site, \"WinRM rights\""),
                management("serverError", 0, "HTTP 500"),
                management("wsmanFault", 0, "HTTP 500"),
                management("slow", 1, "no answer within " + READ_SECONDS + " s"),
                management("truncatedOutput", 0, "unreadable output"),
                management("malformedOutput", 0, "unreadable output"),
                new Fault("one cmdlet fails: remote registry on EXCH02", lab -> lab.faults().withArray("failures").addObject()
                        .put("fact", "registry").put("target", "EXCH02").put("message", "The network path was not found.")
                        .put("errorId", "IOException"),
                        r -> control(r).equals("IMAP-02") && target(r).equals("EXCH02"), List.of("The network path was not found.",
                        "prerequisite: the Remote Registry service or the firewall (EXCH02)"), 0),
                imap("dropAfterGreeting", Set.of("LIVE-01", "LIVE-02", "LIVE-04"), "closed the connection", 0),
                imap("slowGreeting", Set.of("LIVE-01", "LIVE-02", "LIVE-04"), "no answer within " + READ_SECONDS + " s", 3),
                imap("byeMidSession", Set.of("LIVE-01"), "* BYE", 0),
                smtp("reply421", "421"),
                smtp("reply554", "554"));
    }

    private static Fault management(String kind, int waits, String... causes) {
        return new Fault("management: " + kind, lab -> lab.faults().put("management", kind), CONFIGURATION, List.of(causes), waits);
    }

    private static Fault imap(String kind, Set<String> controls, String cause, int waits) {
        return new Fault("imap: " + kind, lab -> lab.faults().put("imap", kind), r -> controls.contains(control(r)), List.of(cause), waits);
    }

    private static Fault smtp(String kind, String cause) {
        return new Fault("smtp: " + kind, lab -> lab.faults().put("smtp", kind), r -> control(r).equals("LIVE-03"), List.of(cause), 0);
    }

    @TempDir
    Path reports;

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void onlyTheControlsThatMeetTheFaultCouldNotVerifyAndTheRunEndsInTime(Fault fault) {
        LabVariant variant = LabVariant.ofCompliantLab(PROJECT).timeouts(CONNECT_SECONDS, READ_SECONDS);
        fault.inject().accept(variant);
        Path file = variant.writeTo(ENVIRONMENTS, "fault-" + fault.name().replaceAll("[^A-Za-z0-9]+", "-"));

        Instant begun = Instant.now();
        ProofRun run = ProofRun.of(file, PROJECT, reports);
        Duration wall = Duration.between(begun, Instant.now());

        assertThat(run.runFolder(reports).resolve("summary.json")).as("summary.json of the run").exists();
        List<JsonNode> affected = run.results().stream().filter(fault.affected()).toList();
        assertThat(affected).as("results that meet the fault").isNotEmpty();
        for (JsonNode result : run.results()) {
            String where = control(result) + " " + target(result);
            if (fault.affected().test(result)) {
                assertThat(result.path("outcome").asText()).as(where + ": " + message(result)).isEqualTo("could-not-verify");
                assertThat(message(result)).as(where).contains(control(result), target(result)).contains(fault.causes());
            } else {
                assertThat(result.path("outcome").asText()).as(where + " does not meet the fault: " + message(result))
                        .isEqualTo("compliant");
            }
        }
        assertThat(run.engine().containerEvents().failed().count()).as("the run itself failing (a lab violation)").isZero();

        Duration took = Duration.between(Instant.parse(run.summary().path("started").asText()),
                Instant.parse(run.summary().path("finished").asText()));
        assertThat(took).as("the run (summary started to finished), bound %s", fault.bound()).isLessThanOrEqualTo(fault.bound());
        assertThat(wall).as("the in-process run with the lab's start and stop").isLessThanOrEqualTo(fault.bound().plus(SHUTDOWN));
    }

    private static String control(JsonNode result) {
        return result.path("control").asText();
    }

    private static String target(JsonNode result) {
        return result.path("target").asText();
    }

    private static String message(JsonNode result) {
        return result.path("message").asText();
    }
}
