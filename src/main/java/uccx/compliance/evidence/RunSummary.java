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

/**
 * {@code summary.json} of one run: what ran against which environment, when, how many remote
 * commands it sent, and every control's outcome per target. Written into
 * {@code reports/<env>/<run-timestamp>/} (never over an earlier run) and copied to
 * {@code reports/<env>/latest/}.
 */
public final class RunSummary {

    private static final DateTimeFormatter RUN_FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String environment;
    private final Instant started;
    private final List<ControlResult> results = new ArrayList<>();
    private final Map<String, Object> measurements = new java.util.LinkedHashMap<>();
    private final List<String[]> waivers = new ArrayList<>();

    public RunSummary(String environment, Instant started) {
        this.environment = environment;
        this.started = started;
    }

    public synchronized void add(ControlResult result) {
        results.add(result);
    }

    /** A number worth keeping with the run, for example how long the collection took. */
    public synchronized void measure(String name, Object value) {
        measurements.put(name, value);
    }

    /** A waiver the run applied, or found expired; both are listed in the summary. */
    public synchronized void waiver(String status, String control, String target, String description) {
        waivers.add(new String[] {status, control, target, description});
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
        ObjectNode json = json(finished, remoteCommands);
        try {
            Path run = uniqueRunFolder(reports);
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            mapper.writeValue(run.resolve("summary.json").toFile(), json);
            Path latest = reports.resolve("latest");
            Files.createDirectories(latest);
            Files.copy(run.resolve("summary.json"), latest.resolve("summary.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(latest.resolve("RUN"), run.getFileName().toString() + System.lineSeparator());
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the run summary under " + reports, e);
        }
    }

    private Path uniqueRunFolder(Path reports) throws IOException {
        String name = RUN_FOLDER.format(started);
        Path run = reports.resolve(name);
        for (int n = 2; Files.exists(run); n++) {
            run = reports.resolve(name + "-" + n);
        }
        return Files.createDirectories(run);
    }

    private ObjectNode json(Instant finished, int remoteCommands) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("environment", environment);
        root.put("started", started.toString());
        root.put("finished", finished.toString());
        root.put("remoteCommands", remoteCommands);
        ObjectNode outcomes = root.putObject("outcomes");
        counts().forEach((outcome, count) -> outcomes.put(outcome.label(), count));
        ObjectNode measured = root.putObject("measurements");
        measurements.forEach((k, v) -> measured.putPOJO(k, v));
        ObjectNode waived = root.putObject("waivers");
        ArrayNode applied = waived.putArray("applied");
        ArrayNode expired = waived.putArray("expired");
        waivers.forEach(w -> (w[0].equals("applied") ? applied : expired).addObject()
                .put("control", w[1]).put("target", w[2]).put("waiver", w[3]));
        ArrayNode list = root.putArray("results");
        results.stream().sorted(Comparator.comparing(ControlResult::control).thenComparing(ControlResult::target)).forEach(r -> {
            ObjectNode item = list.addObject();
            item.put("control", r.control());
            item.put("target", r.target());
            item.put("outcome", r.outcome().label());
            item.put("message", r.message());
        });
        return root;
    }
}
