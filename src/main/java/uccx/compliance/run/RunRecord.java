package uccx.compliance.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import uccx.compliance.collector.CollectionScope;
import uccx.compliance.collector.CollectorScript;
import uccx.compliance.collector.Fact;
import uccx.compliance.collector.Snapshot;
import uccx.compliance.collector.facts.ExchangeServer;
import uccx.compliance.collector.facts.Mailbox;
import uccx.compliance.environment.Environment;
import uccx.compliance.environment.EvidenceSigning;
import uccx.compliance.environment.SigningKey;
import uccx.compliance.environment.SigningKeys;
import uccx.compliance.evidence.AllureContext;
import uccx.compliance.evidence.EvidenceBundle;
import uccx.compliance.evidence.Executor;
import uccx.compliance.evidence.RunComparison;
import uccx.compliance.evidence.RunSummary;
import uccx.compliance.evidence.Runner;
import uccx.compliance.evidence.oscal.AssessedRun;
import uccx.compliance.evidence.oscal.AssessmentResultsFile;

/**
 * What a run leaves when it ends: its folder under {@code reports/<env>/} with summary.json, the
 * snapshot and the script that made it, the sealed evidence bundle, and the Allure environment
 * and executor of its report. Written also when controls failed.
 */
final class RunRecord {

    private final Environment environment;
    private final Path projectDir;
    private final Path reportsRoot;
    private final Optional<Path> allureResults;
    private final Instant started;
    /** Changes the report's environment panel names; summary.json lists them all. */
    private static final int CHANGES_SHOWN = 10;

    RunRecord(Environment environment, Path projectDir, Path reportsRoot, Optional<Path> allureResults, Instant started) {
        this.environment = environment;
        this.projectDir = projectDir;
        this.reportsRoot = reportsRoot;
        this.allureResults = allureResults;
        this.started = started;
    }

    void write(RunSummary summary, Instant finished, int remoteCommands, Optional<Snapshot> snapshot) {
        Path run = summary.write(reportsRoot.resolve(environment.name()), finished, remoteCommands);
        snapshot.ifPresent(s -> keepSnapshot(run, s));
        // Before the seal, so that the manifest and the zip hold it.
        AssessmentResultsFile.write(run, new AssessedRun(environment.name(), run.getFileName().toString(), started, finished, suiteVersion(),
                summary.results(), environment.waivers(), snapshot.map(Snapshot::collectedAt)), environment.file());
        EvidenceBundle.seal(run, environment.file(), environment.name(), environment.signing().map(RunRecord::signingKey));
        allureResults.ifPresent(results -> AllureContext.write(results, allureEnvironment(snapshot, summary),
                new Executor(System.getenv(), run.getFileName().toString(), started.getEpochSecond())));
    }

    /** The key was opened when the environment was validated; one that no longer opens is an error of the run, not unsigned evidence. */
    private static SigningKey signingKey(EvidenceSigning signing) {
        try {
            return SigningKeys.open(signing, Instant.now());
        } catch (SigningKeys.Refused refused) {
            throw new IllegalStateException(refused.line());
        }
    }

    private Map<String, String> allureEnvironment(Optional<Snapshot> snapshot, RunSummary summary) {
        Map<String, String> values = new LinkedHashMap<>();
        // on the Overview, where the change board looks first
        values.put("CHANGES", RunComparison.inOneLine(summary.comparedWith(), summary.changes(), CHANGES_SHOWN));
        values.put("environment", environment.name());
        values.put("exchange.version", environment.exchange().version().label());
        values.put("management", snapshot.map(Snapshot::source).orElse(environment.exchange().management().transport().label()));
        snapshot.map(Snapshot::exchangeServers).filter(f -> f instanceof Fact.Collected<List<ExchangeServer>>)
                .map(f -> ((Fact.Collected<List<ExchangeServer>>) f).value())
                .ifPresent(found -> values.put("exchange.found", found.stream().map(s -> s.name() + " " + s.adminDisplayVersion())
                        .collect(Collectors.joining(", "))));
        values.put("servers", String.join(", ", environment.exchange().clientAccessServers()));
        values.put("uccx.mailbox", environment.uccx().mailbox());
        values.put("uccx.agents", Integer.toString(environment.uccx().agents()));
        // the run's warnings: the environment file's, and those of the run (a refused comparison, a waiver to renew)
        List<String> warnings = summary.warnings();
        for (int i = 0; i < warnings.size(); i++) {
            values.put(i == 0 ? "WARNING" : "WARNING " + (i + 1), warnings.get(i));
        }
        values.put("organisation", organisation(snapshot));
        values.put("runner", Runner.describe());
        values.put("suite.version", suiteVersion());
        values.put("suite.commit", Runner.gitCommit(projectDir));
        return values;
    }

    private static String suiteVersion() {
        return Optional.ofNullable(System.getProperty("uccx.suiteVersion")).orElse("development");
    }

    /** The Exchange organisation, as the UCCX mailbox's LegacyExchangeDN names it: {@code /o=<organisation>/ou=...}. */
    private static String organisation(Optional<Snapshot> snapshot) {
        Optional<String> dn = snapshot.map(Snapshot::uccxMailbox).filter(f -> f instanceof Fact.Collected<Mailbox>)
                .map(f -> ((Fact.Collected<Mailbox>) f).value().legacyExchangeDn())
                .filter(d -> d.toLowerCase(Locale.ROOT).startsWith("/o="));
        return dn.map(d -> {
            int end = d.indexOf('/', 3);
            return d.substring(3, end < 0 ? d.length() : end);
        }).orElse("not collected (read from the UCCX mailbox's LegacyExchangeDN)");
    }

    /** The raw CliXml the script wrote, exactly as received: the evidence behind every fact. It holds no secret. */
    private void keepSnapshot(Path run, Snapshot snapshot) {
        try {
            Files.writeString(run.resolve("snapshot.xml"), snapshot.rawOutput());
            Files.writeString(run.resolve("collect.ps1"), CollectorScript.bundled().forScope(CollectionScope.of(environment)));
            Files.writeString(run.resolve("snapshot-source.txt"), snapshot.source() + System.lineSeparator()
                    + "collected " + snapshot.collectedAt() + " in " + snapshot.elapsed().toMillis() + " ms" + System.lineSeparator()
                    + (snapshot.hostText().isEmpty() ? "" : "text the console host wrote between the objects:" + System.lineSeparator()
                    + String.join(System.lineSeparator() + "--" + System.lineSeparator(), snapshot.hostText()) + System.lineSeparator()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the snapshot in " + run, e);
        }
    }
}
