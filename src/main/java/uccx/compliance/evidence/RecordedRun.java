package uccx.compliance.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run as its folder records it: {@code summary.json} (written by {@link RunSummary}, for a live run
 * and a replay alike) and, once published, {@code report.html} and the evidence zip. Read back from
 * the files, not from the running suite, so that what the screen shows is what the evidence holds.
 * The summary's warnings and credential states are kept as notes when present (a run that used no
 * credential writes an empty {@code credentials}, which makes no note) and are no error when absent.
 *
 * @param notes one line each: the summary's warnings, then one line of its credentials
 *              ({@code uccx: refused-earlier since <run>})
 */
public record RecordedRun(String environment, Path folder, Optional<Duration> took, int remoteCommands, List<ControlResult> results,
        List<String> notes, Optional<Path> report, Optional<Path> evidence, Optional<Comparison> comparison) {

    public RecordedRun {
        results = List.copyOf(results);
        notes = List.copyOf(notes);
    }

    /**
     * The summary's {@code comparedWith} and {@code changes}; absent from summaries written before runs compared themselves.
     *
     * @param comparedWith the earlier run's id, empty when there was none to compare with
     */
    public record Comparison(Optional<String> comparedWith, List<Change> changes) {

        public Comparison {
            changes = List.copyOf(changes);
        }
    }

    /** @throws IOException when the folder holds no readable summary.json or one without results */
    public static RecordedRun read(Path folder) throws IOException {
        Path file = folder.resolve("summary.json");
        JsonNode summary;
        try {
            summary = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " cannot be read: " + e.getMessage(), e);
        }
        if (summary == null || !summary.path("results").isArray()) {
            throw new IOException(file + " has no results");
        }
        List<ControlResult> results = new ArrayList<>();
        for (JsonNode r : summary.path("results")) {
            results.add(new ControlResult(r.path("control").asText(), r.path("target").asText(), outcome(r.path("outcome").asText(), file),
                    r.path("message").asText()));
        }
        List<String> notes = new ArrayList<>();
        summary.path("warnings").forEach(w -> notes.add("Warning: " + oneLine(w)));
        JsonNode credentials = summary.path("credentials");
        if (credentials.isArray()) {
            credentials.forEach(c -> notes.add("Credentials: " + oneLine(c)));
        } else if (credentials.isObject() && !credentials.isEmpty()) {
            List<String> each = new ArrayList<>();
            credentials.fields().forEachRemaining(c -> each.add(credential(c.getKey(), c.getValue())));
            notes.add("Credentials: " + String.join(", ", each));
        } else if (credentials.isValueNode() && !credentials.isNull()) {
            notes.add("Credentials: " + oneLine(credentials));
        }
        return new RecordedRun(summary.path("environment").asText(folder.getParent().getFileName().toString()), folder,
                took(summary), summary.path("remoteCommands").asInt(0), results, notes,
                Optional.of(folder.resolve(AllureReport.SINGLE_FILE)).filter(Files::isRegularFile), evidenceZip(folder),
                comparison(summary, file));
    }

    private static Optional<Comparison> comparison(JsonNode summary, Path file) throws IOException {
        if (!summary.has("comparedWith")) {
            return Optional.empty();
        }
        List<Change> changes = new ArrayList<>();
        for (JsonNode c : summary.path("changes")) {
            List<Change.SettingChange> settings = new ArrayList<>();
            c.path("settings").forEach(v -> settings.add(new Change.SettingChange(v.path("name").asText(), text(v.path("before")),
                    text(v.path("after")))));
            Optional<Outcome> from = text(c.path("from")).isPresent() ? Optional.of(outcome(c.path("from").asText(), file)) : Optional.empty();
            Optional<Outcome> to = text(c.path("to")).isPresent() ? Optional.of(outcome(c.path("to").asText(), file)) : Optional.empty();
            changes.add(new Change(c.path("control").asText(), c.path("target").asText(), from, to, settings));
        }
        return Optional.of(new Comparison(text(summary.path("comparedWith")), changes));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** The run folder's name, its UTC start ({@code 20261203T010942Z}). */
    public String name() {
        return folder.getFileName().toString();
    }

    private static Outcome outcome(String label, Path file) throws IOException {
        for (Outcome o : Outcome.values()) {
            if (o.label().equals(label)) {
                return o;
            }
        }
        throw new IOException(file + ": unknown outcome '" + label + "'");
    }

    private static Optional<Duration> took(JsonNode summary) {
        try {
            return Optional.of(Duration.between(Instant.parse(summary.path("started").asText()), Instant.parse(summary.path("finished").asText())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The zip {@link EvidenceBundle} seals into the run folder, when it did. */
    private static Optional<Path> evidenceZip(Path folder) throws IOException {
        try (DirectoryStream<Path> zips = Files.newDirectoryStream(folder, "evidence-*.zip")) {
            Iterator<Path> found = zips.iterator();
            return found.hasNext() ? Optional.of(found.next()) : Optional.empty();
        }
    }

    /** A note as one line: text as it is, an object as {@code key: value, ...}, a list joined. */
    /** {@code uccx: refused-earlier since 20261128T021500Z}, as summary.json's {@code {state, since}} says it. */
    private static String credential(String name, JsonNode value) {
        if (value.isObject() && value.has("state")) {
            String since = value.path("since").isTextual() ? " since " + oneLine(value.path("since")) : "";
            return name + ": " + oneLine(value.path("state")) + since;
        }
        return name + ": " + oneLine(value);
    }

    private static String oneLine(JsonNode node) {
        if (node.isValueNode()) {
            return node.asText().strip().replaceAll("\\s*\\R\\s*", " ");
        }
        List<String> parts = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                parts.add(field.getKey() + ": " + oneLine(field.getValue()));
            }
        } else {
            node.forEach(item -> parts.add(oneLine(item)));
        }
        return String.join(", ", parts);
    }
}
