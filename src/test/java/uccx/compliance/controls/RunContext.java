package uccx.compliance.controls;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uccx.compliance.collector.CollectionScope;
import uccx.compliance.collector.Collector;
import uccx.compliance.collector.CollectorScript;
import uccx.compliance.collector.RemoteCommand;
import uccx.compliance.collector.Snapshot;
import uccx.compliance.collector.facts.ExchangeServer;
import uccx.compliance.collector.shell.ManagementShell;
import uccx.compliance.collector.shell.ManagementShells;
import uccx.compliance.collector.shell.ShellException;
import uccx.compliance.collector.shell.ShellOutput;
import uccx.compliance.collector.shell.SnapshotReplay;
import uccx.compliance.environment.Environment;
import uccx.compliance.evidence.ControlResult;
import uccx.compliance.evidence.RunSummary;
import uccx.compliance.environment.ImapSecurity;
import uccx.compliance.environment.Secret;
import uccx.compliance.lab.Lab;
import uccx.compliance.lab.LabMail;
import uccx.compliance.probes.CredentialGuard;
import uccx.compliance.probes.MailTarget;
import uccx.compliance.probes.MailTrust;
import uccx.compliance.probes.UccxCredentials;
import uccx.compliance.lab.LabState;

/**
 * Everything one run of the suite shares: the environment, the lab when the environment is one,
 * the snapshot (collected once, with one remote command, from the moment the run opens) and the summary. Closed
 * when the run ends: the summary is written (also when controls failed), the lab is stopped, and
 * anything the lab saw that must never happen fails the run.
 */
public final class RunContext implements AutoCloseable {

    private final Environment environment;
    private final Path reportsRoot;
    private final Clock clock;
    private final Optional<Lab> lab;
    private final RunSummary summary;
    private final List<ManagementShell> shells = new ArrayList<>();
    private final CredentialGuard credentialGuard = new CredentialGuard();
    private int commandsSent;
    private Snapshot snapshot;
    private final java.util.concurrent.CompletableFuture<Snapshot> collection = new java.util.concurrent.CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean collectionStarted = new java.util.concurrent.atomic.AtomicBoolean();
    private uccx.compliance.collector.RawRecords rawRecords;

    private final Optional<Path> replay;
    private final Path projectDir;
    private final Optional<Path> allureResults;
    private final Instant started;

    private RunContext(Environment environment, Path projectDir, Path reportsRoot, Optional<Path> allureResults, Clock clock,
                       Optional<Lab> lab, Optional<Path> replay) {
        this.replay = replay;
        this.projectDir = projectDir;
        this.allureResults = allureResults;
        this.started = clock.instant();
        this.environment = environment;
        this.reportsRoot = reportsRoot;
        this.clock = clock;
        this.lab = lab;
        this.summary = new RunSummary(environment.name(), clock.instant(),
                java.util.Arrays.stream(Control.values()).map(Control::id).toList());
        environment.exchange().management().weakness().ifPresent(summary::warn);
    }

    /**
     * @param allureResults where Allure writes this run's results, for the report's categories, environment and executor
     * @param replay        a saved collector output to evaluate instead of collecting: no lab, no network
     * @param labPasswords  where a lab takes its per-run passwords from: fresh random ones, except in the secrets proof
     */
    static RunContext open(Environment environment, Path projectDir, Path reportsRoot, Optional<Path> allureResults, Clock clock,
                           Optional<Path> replay, java.util.function.Supplier<String> labPasswords) {
        Optional<Lab> lab = environment.isLab() && replay.isEmpty()
                ? Optional.of(Lab.start(LabState.from(environment.lab().orElseThrow()), clock, Optional.of(environment.uccx().account()),
                        labPasswords))
                : Optional.empty();
        RunContext run = new RunContext(environment, projectDir, reportsRoot, allureResults, clock, lab, replay);
        if (replay.isEmpty()) {
            run.startCollection();
        }
        return run;
    }

    public Environment environment() {
        return environment;
    }

    public Checklist checklist() {
        return Checklist.of(environment);
    }

    /**
     * The run's one collection. It starts when a live run opens (see {@link #open}), so that
     * Exchange answers the script while the live probes run; a replay reads its file on first use.
     */
    public Snapshot snapshot() {
        startCollection();
        try {
            return collection.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private void startCollection() {
        if (collectionStarted.compareAndSet(false, true)) {
            // The collection waits on the network for seconds; its own thread leaves the tests free meanwhile.
            Thread collector = new Thread(() -> {
                try {
                    collection.complete(collect());
                } catch (Throwable e) {
                    collection.completeExceptionally(e);
                }
            }, "collector-" + environment.name());
            collector.setDaemon(true);
            collector.start();
        }
    }

    private Snapshot collect() {
        ManagementShell shell = replay.<ManagementShell>map(SnapshotReplay::new).orElseGet(() -> counting(lab.map(l -> ManagementShells.forLab(l.host(), l.winRmPort(), l.username(), l.password(), environment))
                .orElseGet(() -> ManagementShells.forEnvironment(environment))));
        synchronized (this) {
            shells.add(shell);
        }
        Snapshot collected = new Collector(CollectorScript.bundled(), clock).collect(CollectionScope.of(environment), shell);
        summary.measure("collectionMillis", collected.elapsed().toMillis());
        if (!collected.hostText().isEmpty()) {
            // Not a failure: the facts around it were read. Kept as evidence, and said, since it is not the script's output.
            String first = collected.hostText().get(0).lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
            summary.warn("the collector's output carried " + collected.hostText().size() + " piece(s) of text the console host wrote "
                    + "itself (kept in snapshot.xml and snapshot-source.txt), the first: " + (first.length() > 120 ? first.substring(0, 117)
                    + "..." : first));
        }
        synchronized (this) {
            snapshot = collected;
        }
        return collected;
    }

    /** The collector's records as written, for the raw evidence beside each result; read once per run. */
    public synchronized uccx.compliance.collector.RawRecords rawRecords() {
        if (rawRecords == null) {
            rawRecords = uccx.compliance.collector.RawRecords.of(snapshot().rawOutput());
        }
        return rawRecords;
    }

    /** Whether this run evaluates a saved snapshot instead of reaching Exchange. */
    public boolean isReplay() {
        return replay.isPresent();
    }

    /**
     * The run's snapshot, once the collection under way has finished, so that a live refusal is
     * explained with the settings of the same run; empty when nothing collects in this run (a
     * replay before any configuration control). Live controls never start a collection.
     */
    public Optional<Snapshot> snapshotIfCollected() {
        return collectionStarted.get() ? Optional.of(snapshot()) : Optional.empty();
    }

    /** Where the live IMAP probes go: {@code imap} of the environment, else the lab's first Client Access server. */
    public MailTarget imapTarget() {
        return environment.imap().map(e -> MailTarget.of(e, environment.timeouts()))
                .orElseGet(() -> labTarget(lab.orElseThrow(() -> new IllegalStateException("no imap endpoint in the environment"))
                        .mail().imapEndpoints()));
    }

    /** Where the live SMTP probes go: {@code smtp} of the environment, else the lab's first receive connector. */
    public MailTarget smtpTarget() {
        return environment.smtp().map(e -> MailTarget.of(e, environment.timeouts()))
                .orElseGet(() -> labTarget(lab.orElseThrow(() -> new IllegalStateException("no smtp endpoint in the environment"))
                        .mail().smtpEndpoints()));
    }

    /** How reports name the IMAP target: host:port as written, or the lab server it plays (its port changes every run). */
    public String imapName() {
        return environment.imap().map(e -> e.host() + ":" + e.port())
                .orElseGet(() -> lab.orElseThrow().mail().imapEndpoints().get(0).server());
    }

    /** How reports name the SMTP target: host:port as written, or the lab receive connector it plays. */
    public String smtpName() {
        return environment.smtp().map(e -> e.host() + ":" + e.port())
                .orElseGet(() -> lab.orElseThrow().mail().smtpEndpoints().get(0).server());
    }

    private MailTarget labTarget(List<LabMail.Endpoint> endpoints) {
        LabMail.Endpoint first = endpoints.stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the lab state has no server for this endpoint"));
        // The lab's certificate is pinned: even in the lab, nothing is trusted blindly.
        return new MailTarget(first.host(), first.port(), ImapSecurity.NONE,
                new MailTrust.PinnedSha256(lab.orElseThrow().mail().certificateSha256()), environment.timeouts().connect(),
                environment.timeouts().read());
    }

    /** The UCCX account and its password: the environment's, else the one the lab made for this run. */
    public UccxCredentials uccxCredentials() {
        Secret password = environment.uccx().password().orElseGet(() -> new Secret("the lab (made for this run)",
                lab.orElseThrow(() -> new IllegalStateException("uccx.password is missing")).mail().uccxPassword()));
        return new UccxCredentials(environment.uccx().account(), password);
    }

    /** One per run: a password that failed once is never tried again in the run. */
    public CredentialGuard credentialGuard() {
        return credentialGuard;
    }

    WaiverLog waiverLog() {
        return new WaiverLog(summary);
    }

    void measure(String name, Object value) {
        summary.measure(name, value);
    }

    void remediation(String control, String target, String commands) {
        summary.remediation(control, target, commands);
    }

    void record(ControlResult result) {
        summary.add(result);
    }

    /** How many management commands this run sent; the lab's own count when it is a lab. */
    public synchronized int remoteCommands() {
        return lab.map(Lab::commandsReceived).orElse(commandsSent);
    }

    public Optional<Lab> lab() {
        return lab;
    }

    @Override
    public void close() {
        if (collectionStarted.get()) {
            // Even a run of live controls only waits for its collection: the snapshot is its evidence.
            collection.exceptionally(failure -> null).join();
        }
        Instant finished = clock.instant();
        lab.ifPresent(l -> summary.measure("labImapFailedLogins",
                l.mail().imapJournals().stream().mapToInt(j -> j.failedLogins()).sum()));
        lab.ifPresent(l -> summary.measure("labCmdletCalls", l.cmdletCalls()));
        try {
            Path run = summary.write(reportsRoot.resolve(environment.name()), finished, remoteCommands());
            keepSnapshot(run);
            uccx.compliance.evidence.EvidenceBundle.seal(run, environment.file(), environment.name());
            allureResults.ifPresent(results -> uccx.compliance.evidence.AllureContext.write(results, allureEnvironment(),
                            new uccx.compliance.evidence.Executor(System.getenv(), run.getFileName().toString(), started.getEpochSecond())));
        } finally {
            shells.forEach(ManagementShell::close);
            lab.ifPresent(Lab::close);
        }
        List<String> violations = lab.map(Lab::violations).orElse(List.of());
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the lab saw what must never happen in a run:" + System.lineSeparator() + "  - "
                    + String.join(System.lineSeparator() + "  - ", violations));
        }
    }

    private synchronized java.util.Map<String, String> allureEnvironment() {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("environment", environment.name());
        values.put("exchange.version", environment.exchange().version().label());
        values.put("management", snapshot == null ? environment.exchange().management().transport().label() : snapshot.source());
        if (snapshot != null && snapshot.exchangeServers() instanceof uccx.compliance.collector.Fact.Collected<List<ExchangeServer>> found) {
            values.put("exchange.found", found.value().stream().map(s -> s.name() + " " + s.adminDisplayVersion())
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        values.put("servers", String.join(", ", environment.exchange().clientAccessServers()));
        values.put("uccx.mailbox", environment.uccx().mailbox());
        values.put("uccx.agents", Integer.toString(environment.uccx().agents()));
        environment.exchange().management().weakness().ifPresent(w -> values.put("WARNING", w));
        values.put("organisation", organisation());
        values.put("runner", uccx.compliance.evidence.Runner.describe());
        values.put("suite.version", Optional.ofNullable(System.getProperty("uccx.suiteVersion")).orElse("development"));
        values.put("suite.commit", uccx.compliance.evidence.Runner.gitCommit(projectDir));
        return values;
    }

    /** The Exchange organisation, as the UCCX mailbox's LegacyExchangeDN names it: {@code /o=<organisation>/ou=...}. */
    private String organisation() {
        if (snapshot != null && snapshot.uccxMailbox() instanceof uccx.compliance.collector.Fact.Collected<uccx.compliance.collector.facts.Mailbox> mailbox) {
            String dn = mailbox.value().legacyExchangeDn();
            if (dn.toLowerCase(java.util.Locale.ROOT).startsWith("/o=")) {
                int end = dn.indexOf('/', 3);
                return dn.substring(3, end < 0 ? dn.length() : end);
            }
        }
        return "not collected (read from the UCCX mailbox's LegacyExchangeDN)";
    }

    /** The raw CliXml the script wrote, exactly as received: the evidence behind every fact. It holds no secret. */
    private synchronized void keepSnapshot(Path run) {
        if (snapshot == null) {
            return;
        }
        try {
            java.nio.file.Files.writeString(run.resolve("snapshot.xml"), snapshot.rawOutput());
            java.nio.file.Files.writeString(run.resolve("collect.ps1"), CollectorScript.bundled().forScope(CollectionScope.of(environment)));
            java.nio.file.Files.writeString(run.resolve("snapshot-source.txt"), snapshot.source() + System.lineSeparator()
                    + "collected " + snapshot.collectedAt() + " in " + snapshot.elapsed().toMillis() + " ms" + System.lineSeparator()
                    + (snapshot.hostText().isEmpty() ? "" : "text the console host wrote between the objects:" + System.lineSeparator()
                    + String.join(System.lineSeparator() + "--" + System.lineSeparator(), snapshot.hostText()) + System.lineSeparator()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not keep the snapshot in " + run, e);
        }
    }

    private ManagementShell counting(ManagementShell shell) {
        return new ManagementShell() {
            @Override
            public ShellOutput run(RemoteCommand command) throws ShellException {
                synchronized (RunContext.this) {
                    commandsSent++;
                }
                return shell.run(command);
            }

            @Override
            public String describe() {
                return shell.describe();
            }

            @Override
            public void close() {
                shell.close();
            }
        };
    }

}
