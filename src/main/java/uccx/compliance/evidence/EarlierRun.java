package uccx.compliance.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The run a run compares itself with, as its {@code summary.json} records it: read from a run
 * folder, a {@code summary.json} anywhere (a copy Jenkins brought from the previous build) or an
 * evidence zip. Only the summary is read, at most {@link #LARGEST} bytes of it, and from a zip only
 * its top-level {@code summary.json} entry: nothing of the zip is unpacked, so no entry name can
 * lead a write outside the folder.
 *
 * @param settingsRecorded whether every result lists its judged settings; summaries written before
 *                         the suite kept them have none, and compare by outcome only
 */
public record EarlierRun(String runId, String environment, List<ControlResult> results, boolean settingsRecorded) {

    /** Far above any summary (a few hundred KB at 1,000 servers), far below what could hurt the run's heap. */
    public static final long LARGEST = 16L * 1024 * 1024;

    private static final Pattern RUN_FOLDER = Pattern.compile("(\\d{8}T\\d{6}Z)(?:-(\\d+))?");

    public EarlierRun {
        results = List.copyOf(results);
    }

    /**
     * @param source a run folder, a summary.json or an evidence zip
     * @throws IOException with a reason fit for one line: missing, too large, not a summary
     */
    public static EarlierRun read(Path source) throws IOException {
        if (Files.isDirectory(source)) {
            return read(source.resolve("summary.json"));
        }
        if (!Files.isRegularFile(source)) {
            throw new IOException(source + " does not exist");
        }
        if (source.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            return fromZip(source);
        }
        if (Files.size(source) > LARGEST) {
            throw new IOException(source + " is larger than " + LARGEST + " bytes: not a summary.json");
        }
        return parse(Files.readAllBytes(source), source.toString(), runIdBeside(source));
    }

    /**
     * The newest run folder in {@code reports/<env>/} with a summary: the folders are named by their
     * UTC start (a later run in the same second gets {@code -2}, {@code -3}, ...), so the name orders them.
     */
    public static Optional<Path> newestIn(Path environmentReports) throws IOException {
        if (!Files.isDirectory(environmentReports)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(environmentReports)) {
            return folders.filter(f -> RUN_FOLDER.matcher(f.getFileName().toString()).matches())
                    .filter(f -> Files.isRegularFile(f.resolve("summary.json")))
                    .max(Comparator.comparing((Path f) -> base(f)).thenComparingInt(EarlierRun::sequence));
        }
    }

    private static EarlierRun fromZip(Path zip) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            ZipEntry entry = archive.getEntry("summary.json");
            if (entry == null) {
                throw new IOException(zip + " holds no summary.json: not an evidence zip of this suite");
            }
            // the size in the entry's header may lie: read one byte past the bound to know
            try (InputStream in = archive.getInputStream(entry)) {
                byte[] bytes = in.readNBytes((int) LARGEST + 1);
                if (bytes.length > LARGEST) {
                    throw new IOException(zip + ": its summary.json is larger than " + LARGEST + " bytes");
                }
                return parse(bytes, zip + "!summary.json", runIdOfZip(zip));
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(zip + " is not a readable zip: " + e.getMessage(), e);
        }
    }

    private static EarlierRun parse(byte[] bytes, String where, Optional<String> runIdFromName) throws IOException {
        JsonNode summary;
        try {
            summary = new ObjectMapper().readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(where + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (summary == null || !summary.path("results").isArray() || !summary.path("environment").isTextual()) {
            throw new IOException(where + " is not a run summary (no environment or results)");
        }
        List<ControlResult> results = new ArrayList<>();
        boolean settingsRecorded = true;
        for (JsonNode r : summary.path("results")) {
            List<JudgedSetting> settings = new ArrayList<>();
            settingsRecorded &= r.path("settings").isArray();
            r.path("settings").forEach(s -> settings.add(new JudgedSetting(s.path("name").asText(), s.path("expected").asText(),
                    s.path("found").asText(), s.path("complies").asBoolean())));
            results.add(new ControlResult(r.path("control").asText(), r.path("target").asText(), outcome(r.path("outcome").asText(), where),
                    r.path("message").asText(), settings));
        }
        String runId = summary.path("run").isTextual() ? summary.path("run").asText()
                : runIdFromName.orElseGet(() -> started(summary).orElse("started " + summary.path("started").asText("at an unknown time")));
        return new EarlierRun(runId, summary.path("environment").asText(), results, settingsRecorded);
    }

    private static Outcome outcome(String label, String where) throws IOException {
        for (Outcome o : Outcome.values()) {
            if (o.label().equals(label)) {
                return o;
            }
        }
        throw new IOException(where + ": unknown outcome '" + label + "'");
    }

    /** A summary written before summary.json named its run: the folder it is in, or latest/RUN beside it. */
    private static Optional<String> runIdBeside(Path summary) throws IOException {
        Path folder = summary.toAbsolutePath().getParent();
        if (folder == null) {
            return Optional.empty();
        }
        if (RUN_FOLDER.matcher(folder.getFileName().toString()).matches()) {
            return Optional.of(folder.getFileName().toString());
        }
        Path marker = folder.resolve("RUN");
        return Files.isRegularFile(marker) && Files.size(marker) < 100 ? Optional.of(Files.readString(marker).strip()) : Optional.empty();
    }

    /** {@code evidence-<env>-<run>.zip}, as EvidenceBundle names it. */
    private static Optional<String> runIdOfZip(Path zip) {
        Matcher m = Pattern.compile("evidence-.*-(" + RUN_FOLDER.pattern() + ")\\.zip").matcher(zip.getFileName().toString());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<String> started(JsonNode summary) {
        try {
            return Optional.of(RunSummary.runIdOf(Instant.parse(summary.path("started").asText())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String base(Path folder) {
        Matcher m = RUN_FOLDER.matcher(folder.getFileName().toString());
        return m.matches() ? m.group(1) : "";
    }

    private static int sequence(Path folder) {
        Matcher m = RUN_FOLDER.matcher(folder.getFileName().toString());
        return m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 1;
    }
}
