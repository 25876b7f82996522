package uccx.compliance.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code summary.json} of one run: what ran against which environment, when, how many remote
 * commands it sent, and every control's outcome per target. Written into
 * {@code reports/<env>/<run-timestamp>/} (never over an earlier run) and copied to
 * {@code reports/<env>/latest/}.
 */
public final class RunSummary {

    private static final DateTimeFormatter RUN_FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String environment;
    private final List<String> controlOrder;
    private final Instant started;
    private final List<ControlResult> results = new ArrayList<>();
    private final List<KeptTranscript> transcripts = new ArrayList<>();
    private final Map<String, Object> measurements = new java.util.LinkedHashMap<>();
    private final List<WaiverUse> waivers = new ArrayList<>();
    private final List<Fix> remediations = new ArrayList<>();
    private final List<ExpiringWaiver> expiringSoon = new ArrayList<>();
    private Baseline baseline = Baseline.none();

    /** The fix of one non-compliant control on one target, one command per line. */
    private record Fix(String control, String target, String commands) {
    }

    /** A waiver the run met on one target: applied (valid) or expired. */
    private record WaiverUse(boolean applied, String control, String target, String description) {
    }
    /** A valid waiver that expires within {@code daysLeft} days of the run's day. */
    private record ExpiringWaiver(String control, String target, String expires, long daysLeft, String approvedBy, String ticket,
                                  String reason) {
    }
    private final List<String> warnings = new ArrayList<>();
    /** The state of each credential the probes use ({@code uccx}), for {@code credentials} in summary.json. */
    private final Map<String, CredentialState> credentials = new java.util.LinkedHashMap<>();

    /** @param since the run the state dates from, or null */
    private record CredentialState(String state, String since) {
    }

    /** @param controlOrder the control IDs in checklist order, for remediation.ps1 */
    public RunSummary(String environment, Instant started, List<String> controlOrder) {
        this.controlOrder = List.copyOf(controlOrder);
        this.environment = environment;
        this.started = started;
    }

    public synchronized void add(ControlResult result) {
        results.add(result);
    }

    /** A live control's transcript, written into the run folder with the summary ({@link KeptTranscript#path()}). */
    public synchronized void transcript(KeptTranscript transcript) {
        transcripts.removeIf(t -> t.path().equals(transcript.path()));
        transcripts.add(transcript);
    }

    /** A number worth keeping with the run, for example how long the collection took. */
    public synchronized void measure(String name, Object value) {
        measurements.put(name, value);
    }

    /** Something about the run itself a reader must not miss, such as management traffic without TLS. */
    public synchronized void warn(String warning) {
        warnings.add(warning);
    }

    /**
     * How the run stands with a credential, e.g. {@code uccx}: accepted, refused, refused-earlier,
     * unanswered, not-tried or not-used, and the run that state dates from (null when none).
     */
    public synchronized void credentials(String name, String state, String since) {
        credentials.put(name, new CredentialState(state, since));
    }

    /**
     * The earlier run this one is compared with; a refusal (an unreadable {@code -Dcompare}, a run of
     * another environment) becomes one of the run's warnings. Without it, summary.json says there was none.
     */
    public synchronized void compareWith(Baseline earlier) {
        baseline = earlier;
        earlier.refusal().ifPresent(warnings::add);
    }

    /** The earlier run's id, when this run is compared with one. */
    public synchronized Optional<String> comparedWith() {
        return baseline.run().map(EarlierRun::runId);
    }

    /** What changed since the earlier run, in checklist order; empty without one. */
    public synchronized List<Change> changes() {
        return baseline.run().map(earlier -> RunComparison.between(earlier, results, controlOrder)).orElse(List.of());
    }

    /**
     * A valid waiver the board must renew soon, listed under {@code waivers.expiringSoon} and warned
     * about, so that its finding does not reappear unannounced one night.
     */
    public synchronized void waiverExpiringSoon(String control, String target, java.time.LocalDate expires, long daysLeft,
                                                String approvedBy, String ticket, String reason) {
        expiringSoon.add(new ExpiringWaiver(control, target, expires.toString(), daysLeft, approvedBy, ticket, reason));
        warnings.add("The waiver of " + control + (target.isEmpty() ? "" : " on " + target) + " (ticket " + ticket + ", approved by "
                + approvedBy + ") expires on " + expires + ", in " + daysLeft + " day" + (daysLeft == 1 ? "" : "s")
                + ": renew it, or the finding returns the night after");
    }

    /** The run's warnings so far, for the report's environment panel. */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** This run's id: the name of its folder under {@code reports/<env>/} (a later run in the same second gets "-2" on the folder). */
    public String runId() {
        return runIdOf(started);
    }

    /** The id of a run that started then. */
    static String runIdOf(Instant started) {
        return RUN_FOLDER.format(started);
    }

    /** The fix of one non-compliant control and target, for remediation.ps1. */
    public synchronized void remediation(String control, String target, String commands) {
        remediations.add(new Fix(control, target, commands));
    }

    /** A waiver the run applied (valid) or found expired; both are listed in the summary. */
    public synchronized void waiver(boolean applied, String control, String target, String description) {
        waivers.add(new WaiverUse(applied, control, target, description));
    }

    public synchronized List<ControlResult> results() {
        return List.copyOf(results);
    }

    public synchronized Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        return counts;
    }

    /**
     * Writes the run folder and refreshes {@code latest}; returns the run folder.
     *
     * @param reports        the {@code reports/<env>} folder
     * @param remoteCommands how many management commands the run sent (one, by design)
     */
    public synchronized Path write(Path reports, Instant finished, int remoteCommands) {
        try {
            Path run = uniqueRunFolder(reports);
            ObjectNode json = json(run.getFileName().toString(), finished, remoteCommands);
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            mapper.writeValue(run.resolve("summary.json").toFile(), json);
            Path latest = reports.resolve("latest");
            Files.createDirectories(latest);
            Files.copy(run.resolve("summary.json"), latest.resolve("summary.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(run.resolve("remediation.ps1"), remediationScript(finished));
            for (KeptTranscript transcript : transcripts) {
                Path file = run.resolve(transcript.path());
                Files.createDirectories(file.getParent());
                Files.writeString(file, transcript.text());
            }
            Files.writeString(latest.resolve("RUN"), run.getFileName().toString() + System.lineSeparator());
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the run summary under " + reports, e);
        }
    }

    /**
     * Every non-compliant finding's fix in checklist order (the order of {@code controlOrder}),
     * with the restarts it needs; nothing for compliant controls.
     */
    private String remediationScript(Instant finished) {
        StringBuilder ps = new StringBuilder();
        ps.append("# remediation.ps1: generated by uccx-exchange-compliance from the run of environment '").append(environment)
                .append("' finished ").append(finished).append("\r\n")
                .append("# REVIEW BEFORE RUNNING: run it in the Exchange Management Shell, one finding at a time, in a change window.\r\n")
                .append("# Restarts disconnect users. The suite itself never runs any of this.\r\n");
        if (remediations.isEmpty()) {
            ps.append("# Nothing to fix: no control was non-compliant.\r\n");
        }
        remediations.stream().sorted(Comparator.comparingInt((Fix r) -> controlOrder.indexOf(r.control())).thenComparing(Fix::target))
                .forEach(r -> {
                    ps.append("\r\n# ").append(r.control()).append(" on ").append(r.target()).append("\r\n");
                    r.commands().lines().forEach(line -> ps.append(line).append("\r\n"));
                });
        return ps.toString();
    }

    private Path uniqueRunFolder(Path reports) throws IOException {
        String name = RUN_FOLDER.format(started);
        Path run = reports.resolve(name);
        for (int n = 2; Files.exists(run); n++) {
            run = reports.resolve(name + "-" + n);
        }
        return Files.createDirectories(run);
    }

    private ObjectNode json(String run, Instant finished, int remoteCommands) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("environment", environment);
        // the run's id travels with the summary: a copy of it (Jenkins brings the previous build's) is no longer in its folder
        root.put("run", run);
        root.put("started", started.toString());
        root.put("finished", finished.toString());
        root.put("remoteCommands", remoteCommands);
        ArrayNode warned = root.putArray("warnings");
        warnings.forEach(warned::add);
        ObjectNode outcomes = root.putObject("outcomes");
        counts().forEach((outcome, count) -> outcomes.put(outcome.label(), count));
        ObjectNode credentialStates = root.putObject("credentials");
        credentials.forEach((name, c) -> credentialStates.putObject(name).put("state", c.state()).put("since", c.since()));
        ObjectNode measured = root.putObject("measurements");
        measurements.forEach((k, v) -> measured.putPOJO(k, v));
        ObjectNode waived = root.putObject("waivers");
        ArrayNode applied = waived.putArray("applied");
        ArrayNode expired = waived.putArray("expired");
        waivers.forEach(w -> (w.applied() ? applied : expired).addObject()
                .put("control", w.control()).put("target", w.target()).put("waiver", w.description()));
        ArrayNode soon = waived.putArray("expiringSoon");
        expiringSoon.forEach(w -> soon.addObject().put("control", w.control()).put("target", w.target()).put("expires", w.expires())
                .put("daysLeft", w.daysLeft()).put("approvedBy", w.approvedBy()).put("ticket", w.ticket()).put("reason", w.reason()));
        root.put("comparedWith", comparedWith().orElse(null));
        ArrayNode changed = root.putArray("changes");
        changes().forEach(c -> {
            ObjectNode item = changed.addObject().put("control", c.control()).put("target", c.target())
                    .put("from", c.from().map(Outcome::label).orElse(null)).put("to", c.to().map(Outcome::label).orElse(null));
            ArrayNode values = item.putArray("settings");
            c.settings().forEach(s -> values.addObject().put("name", s.name()).put("before", s.before().orElse(null))
                    .put("after", s.after().orElse(null)));
        });
        ArrayNode list = root.putArray("results");
        results.stream().sorted(Comparator.comparing(ControlResult::control).thenComparing(ControlResult::target)).forEach(r -> {
            ObjectNode item = list.addObject();
            item.put("control", r.control());
            item.put("target", r.target());
            item.put("outcome", r.outcome().label());
            item.put("message", r.message());
            transcripts.stream().filter(t -> t.control().equals(r.control()) && t.target().equals(r.target())).findFirst()
                    .ifPresent(t -> item.put("transcript", t.path()));
            ArrayNode settings = item.putArray("settings");
            r.settings().forEach(s -> settings.addObject().put("name", s.name()).put("expected", s.expected()).put("found", s.found())
                    .put("complies", s.complies()));
        });
        return root;
    }
}
