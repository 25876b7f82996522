package uccx.compliance.run;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import uccx.compliance.collector.RawRecords;
import uccx.compliance.collector.Snapshot;
import uccx.compliance.controls.Checklist;
import uccx.compliance.controls.Control;
import uccx.compliance.environment.Environment;
import uccx.compliance.evidence.ControlResult;
import uccx.compliance.evidence.RunSummary;
import uccx.compliance.lab.Lab;
import uccx.compliance.lab.LabState;
import uccx.compliance.probes.CredentialGuard;
import uccx.compliance.probes.MailTarget;
import uccx.compliance.probes.UccxCredentials;

/**
 * One run of the suite, from opening to its evidence: the environment, the lab when the
 * environment is one, the one collection (started when the run opens), where the live probes go,
 * and the summary. Closing it writes the run's folder (also when controls failed), stops the lab,
 * and fails the run if the lab saw anything that must never happen.
 */
public final class RunContext implements AutoCloseable {

    private final Environment environment;
    private final Clock clock;
    private final Optional<Lab> lab;
    private final RunSummary summary;
    private final Collection collection;
    private final MailTargets mail;
    private final RunRecord record;
    private final RefusedCredentialsFile refusedCredentials;
    private final CredentialGuard credentialGuard;

    private RunContext(Environment environment, Path projectDir, Path reportsRoot, Optional<Path> allureResults, Clock clock,
                       Optional<Lab> lab, Optional<Path> replay) {
        this.environment = environment;
        this.clock = clock;
        this.lab = lab;
        this.summary = new RunSummary(environment.name(), clock.instant(), Arrays.stream(Control.values()).map(Control::id).toList());
        environment.warnings().forEach(summary::warn);
        this.collection = new Collection(environment, clock, lab, replay, summary);
        this.mail = new MailTargets(environment, lab);
        this.record = new RunRecord(environment, projectDir, reportsRoot, allureResults, clock.instant());
        this.refusedCredentials = RefusedCredentialsFile.in(reportsRoot.resolve(environment.name()));
        refusedCredentials.unreadable().ifPresent(why -> summary.warn(why + ": the UCCX password is not sent in this run, since a "
                + "refusal kept there could have been lost; fix the file, or delete it to allow one more try"));
        this.credentialGuard = new CredentialGuard(summary.runId(), refusedCredentials);
    }

    /**
     * Opens a run: starts the lab for a lab environment, then the collection (a replay reads its
     * file on first use instead).
     *
     * @param allureResults where Allure writes this run's results, for the report's categories, environment and executor
     * @param replay        a saved collector output to evaluate instead of collecting: no lab, no network
     * @param labPasswords  where a lab takes its per-run passwords from: fresh random ones, except in the secrets proof
     */
    public static RunContext open(Environment environment, Path projectDir, Path reportsRoot, Optional<Path> allureResults, Clock clock,
                                  Optional<Path> replay, Supplier<String> labPasswords) {
        Optional<Lab> lab = environment.isLab() && replay.isEmpty()
                ? Optional.of(Lab.start(LabState.from(environment.lab().orElseThrow()), clock, Optional.of(environment.uccx().account()),
                        labPasswords))
                : Optional.empty();
        RunContext run = new RunContext(environment, projectDir, reportsRoot, allureResults, clock, lab, replay);
        if (replay.isEmpty()) {
            run.collection.start();
        }
        return run;
    }

    public Environment environment() {
        return environment;
    }

    public Checklist checklist() {
        return Checklist.of(environment);
    }

    /** The run's one collection, waited for: it started when a live run opened, so Exchange answered while the probes ran. */
    public Snapshot snapshot() {
        return collection.snapshot();
    }

    /**
     * The run's snapshot, once the collection under way has finished, so that a live refusal is
     * explained with the settings of the same run; empty when nothing collects in this run (a
     * replay before any configuration control). Live controls never start a collection.
     */
    public Optional<Snapshot> snapshotIfCollected() {
        return collection.ifStarted();
    }

    /** The collector's records as written, for the raw evidence beside each result. */
    public RawRecords rawRecords() {
        return collection.rawRecords();
    }

    /** Whether this run evaluates a saved snapshot instead of reaching Exchange. */
    public boolean isReplay() {
        return collection.isReplay();
    }

    /** Where the live IMAP probes go: {@code imap} of the environment, else the lab's first Client Access server. */
    public MailTarget imapTarget() {
        return mail.imap();
    }

    /** Where the live SMTP probes go: {@code smtp} of the environment, else the lab's first receive connector. */
    public MailTarget smtpTarget() {
        return mail.smtp();
    }

    /** How reports name the IMAP target: host:port as written, or the lab server it plays. */
    public String imapName() {
        return mail.imapName();
    }

    /** How reports name the SMTP target: host:port as written, or the lab receive connector it plays. */
    public String smtpName() {
        return mail.smtpName();
    }

    /** The UCCX account and its password: the environment's, else the one the lab made for this run. */
    public UccxCredentials uccxCredentials() {
        return mail.uccxCredentials();
    }

    /**
     * One per run: every login with the UCCX credentials goes through it, so that a refused password
     * is not sent again in the run, nor in later runs until it changes.
     */
    public CredentialGuard credentialGuard() {
        return credentialGuard;
    }

    public void measure(String name, Object value) {
        summary.measure(name, value);
    }

    /** How many management commands this run sent; the lab's own count when it is a lab. */
    public int remoteCommands() {
        return collection.remoteCommands();
    }

    public Optional<Lab> lab() {
        return lab;
    }

    /** The earlier run this one is compared with (a refusal to compare is one of the run's warnings). */
    void compareWith(uccx.compliance.evidence.Baseline earlier) {
        summary.compareWith(earlier);
    }

    WaiverLog waiverLog() {
        return new WaiverLog(summary);
    }

    TranscriptLog transcriptLog() {
        return new TranscriptLog(summary);
    }

    void remediation(String control, String target, String commands) {
        summary.remediation(control, target, commands);
    }

    void record(ControlResult result) {
        summary.add(result);
    }

    /** credentials.uccx of summary.json; the account alone names the credentials, since a replay has no password. */
    private void recordCredentials() {
        CredentialGuard.Standing standing = credentialGuard.standingOfAccount(environment.uccx().account());
        summary.credentials("uccx", standing.state().label(), standing.since().orElse(null));
        refusedCredentials.writeFailure().ifPresent(summary::warn);
    }

    @Override
    public void close() {
        // Even a run of live controls only waits for its collection: the snapshot is its evidence.
        collection.awaitEnd();
        lab.ifPresent(l -> summary.measure("labImapFailedLogins",
                l.mail().imapJournals().stream().mapToInt(j -> j.failedLogins()).sum()));
        lab.ifPresent(l -> summary.measure("labImapLogins",
                l.mail().imapJournals().stream().mapToInt(j -> j.loginsReceived()).sum()));
        recordCredentials();
        lab.ifPresent(l -> summary.measure("labAdCalls", l.adCalls()));
        lab.ifPresent(l -> summary.measure("labObjects", l.objectsReturned()));
        lab.ifPresent(l -> summary.measure("labRpcCalls", l.rpcCalls()));
        try {
            record.write(summary, clock.instant(), remoteCommands(), collection.collectedSoFar());
        } finally {
            collection.closeShells();
            lab.ifPresent(Lab::close);
        }
        List<String> violations = lab.map(Lab::violations).orElse(List.of());
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the lab saw what must never happen in a run:" + System.lineSeparator() + "  - "
                    + String.join(System.lineSeparator() + "  - ", violations));
        }
    }
}
