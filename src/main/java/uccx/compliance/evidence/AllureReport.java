package uccx.compliance.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import uccx.compliance.environment.Environment;
import uccx.compliance.environment.EnvironmentException;
import uccx.compliance.environment.EnvironmentLoader;
import uccx.compliance.environment.SigningKey;
import uccx.compliance.environment.SigningKeys;

/**
 * Puts the Allure report of a run into the run's folder, for a reader without Allure: {@code report.html}
 * (one self-contained file, also copied to {@code latest/}) and {@code allure-report/}, whose trend
 * carries the previous run's history of the same environment so that drift shows across nights.
 * Then the evidence is sealed again, so the manifest and the zip hold the report too.
 *
 * <p>Run by the build in {@code post-integration-test}, which Maven reaches also when controls failed.
 */
public final class AllureReport {

    public static final String SINGLE_FILE = "report.html";
    public static final String SITE = "allure-report";

    private final AllureCli cli;

    public AllureReport(AllureCli cli) {
        this.cli = cli;
    }

    /** What one publication made. */
    public record Published(Path runFolder, Path singleFile, Path site, int trendRuns, Path latest, Path evidence) {
    }

    /**
     * Arguments: the Allure results folder, the reports folder, the {@code -Denv} value, the unpacked
     * Allure command line and the project directory. One line per product; no stack trace. Exits 0
     * when there is nothing to report (no run, no results: {@code -DskipITs}), 1 when the report failed.
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** {@link #main} without the exit. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 5) {
            err.println("usage: AllureReport <allure results> <reports dir> <env name or path.yaml> <allure home> <project dir>");
            return 2;
        }
        Path results = Path.of(args[0]);
        Path reports = Path.of(args[1]);
        try {
            Environment environment = new EnvironmentLoader().load(args[2], Path.of(args[4]), System.getenv());
            Path environmentReports = reports.resolve(environment.name());
            Optional<String> nothing = nothingToReport(results, environmentReports);
            if (nothing.isPresent()) {
                out.println("No Allure report: " + nothing.get());
                return 0;
            }
            // The report joins the bundle, so the manifest changes and is signed again; a key that no longer
            // opens stops here, before anything is touched, leaving the run's signed manifest as it was.
            Optional<SigningKey> signer;
            try {
                signer = environment.signing().isPresent() ? Optional.of(SigningKeys.open(environment.signing().get(), Instant.now()))
                        : Optional.empty();
            } catch (SigningKeys.Refused refused) {
                err.println("No Allure report: " + refused.line() + " (the run's evidence stays as sealed and signed before the report)");
                return 1;
            }
            Published published = new AllureReport(new AllureCli(Path.of(args[3])))
                    .publish(results, environmentReports, environment.name(), environment.file(), signer);
            Path base = Path.of("").toAbsolutePath();
            out.println("Allure report, one file: " + shown(published.singleFile(), base));
            out.println("Allure report with trend of " + published.trendRuns() + " run(s): " + shown(published.site(), base) + "/index.html");
            out.println("Latest report: " + shown(published.latest(), base));
            out.println("Evidence sealed again with the report: " + shown(published.evidence(), base));
            return 0;
        } catch (EnvironmentException e) {
            err.println("No Allure report: the environment cannot be read: " + String.join("; ", e.errors()));
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("No Allure report: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("No Allure report: " + e.getClass().getName() + " (a bug in AllureReport; please report it)");
            return 1;
        }
    }

    /**
     * Generates both reports of the run that {@code latest/RUN} names and seals its evidence again.
     *
     * @param results            the run's Allure results; its {@code history/} is replaced by the previous run's
     * @param environmentReports {@code reports/<env>}
     * @param signer             the environment's signing key, when it signs its evidence: the manifest that
     *                           now lists the report is signed again
     */
    public Published publish(Path results, Path environmentReports, String environment, Path environmentFile, Optional<SigningKey> signer)
            throws IOException {
        Path run = latestRun(environmentReports).orElseThrow(() -> new IOException("no run in " + environmentReports));
        carryHistory(previousRun(environmentReports, run), results);
        Path site = run.resolve(SITE);
        String name = reportName(environment, RecordedRun.read(run));
        cli.generate(results, site, false, name);
        Path singleFile = run.resolve(SINGLE_FILE);
        Path scratch = Files.createTempDirectory("allure-single-file");
        try {
            cli.generate(results, scratch, true, name);
            Files.move(scratch.resolve("index.html"), singleFile, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            deleteTree(scratch);
        }
        Path latest = environmentReports.resolve("latest").resolve(SINGLE_FILE);
        Files.copy(singleFile, latest, StandardCopyOption.REPLACE_EXISTING);
        Path evidence = EvidenceBundle.seal(run, environmentFile, environment, signer);
        return new Published(run, singleFile, site, trendRuns(site), latest, evidence);
    }

    /**
     * The report's title, which the Overview shows above everything else: the environment and what
     * changed since the run it was compared with ("UCCX compliance of prod: 3 changes since
     * 20261127T021500Z"), as the run's summary.json says it; a summary written before runs compared
     * themselves names the environment only.
     */
    static String reportName(String environment, RecordedRun run) {
        return "UCCX compliance of " + environment
                + run.comparison().map(c -> ": " + RunComparison.headline(c.comparedWith(), c.changes())).orElse("");
    }

    /** Why there is nothing to publish, or empty. */
    static Optional<String> nothingToReport(Path results, Path environmentReports) throws IOException {
        Optional<Instant> firstResult = firstResult(results);
        if (firstResult.isEmpty()) {
            return Optional.of("no Allure results in " + results + " (the controls did not run)");
        }
        Optional<Path> run = latestRun(environmentReports);
        if (run.isEmpty()) {
            return Optional.of("no run in " + environmentReports + " (the run wrote no summary)");
        }
        // A run that ended before its first result was written is an older one: this build's run wrote no folder.
        if (Files.getLastModifiedTime(run.get().resolve("summary.json")).toInstant().isBefore(firstResult.get())) {
            return Optional.of("the latest run " + run.get().getFileName() + " is older than the results in " + results);
        }
        return Optional.empty();
    }

    private static Optional<Instant> firstResult(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(results)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-result.json"))
                    .map(f -> {
                        try {
                            return Files.getLastModifiedTime(f).toInstant();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).min(Comparator.naturalOrder());
        }
    }

    /** The run folder {@code latest/RUN} names, when it exists. */
    static Optional<Path> latestRun(Path environmentReports) throws IOException {
        Path marker = environmentReports.resolve("latest").resolve("RUN");
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        Path run = environmentReports.resolve(Files.readString(marker).strip());
        return Files.isRegularFile(run.resolve("summary.json")) ? Optional.of(run) : Optional.empty();
    }

    /** The newest earlier run that has a report: run folders are named by their UTC start, so names sort by time. */
    static Optional<Path> previousRun(Path environmentReports, Path run) throws IOException {
        try (Stream<Path> folders = Files.list(environmentReports)) {
            return folders.filter(f -> f.getFileName().toString().compareTo(run.getFileName().toString()) < 0)
                    .filter(f -> !f.getFileName().toString().equals("latest"))
                    .filter(f -> Files.isDirectory(f.resolve(SITE).resolve("history")))
                    .max(Comparator.comparing(f -> f.getFileName().toString()));
        }
    }

    private static void carryHistory(Optional<Path> previous, Path results) throws IOException {
        Path history = results.resolve("history");
        deleteTree(history);
        if (previous.isEmpty()) {
            return;
        }
        Path from = previous.get().resolve(SITE).resolve("history");
        Files.createDirectories(history);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, history.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static int trendRuns(Path site) throws IOException {
        Path trend = site.resolve("history").resolve("history-trend.json");
        return Files.isRegularFile(trend) ? new ObjectMapper().readTree(trend.toFile()).size() : 0;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String shown(Path file, Path base) {
        Path absolute = file.toAbsolutePath().normalize();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
    }
}
