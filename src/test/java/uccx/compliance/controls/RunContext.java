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
import uccx.compliance.collector.shell.ManagementShell;
import uccx.compliance.collector.shell.ManagementShells;
import uccx.compliance.collector.shell.ShellException;
import uccx.compliance.collector.shell.ShellOutput;
import uccx.compliance.environment.Environment;
import uccx.compliance.evidence.ControlResult;
import uccx.compliance.evidence.RunSummary;
import uccx.compliance.lab.Lab;
import uccx.compliance.lab.LabState;

/**
 * Everything one run of the suite shares: the environment, the lab when the environment is one,
 * the snapshot (collected once, on first use, with one remote command) and the summary. Closed
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
    private int commandsSent;
    private Snapshot snapshot;

    private RunContext(Environment environment, Path reportsRoot, Clock clock, Optional<Lab> lab) {
        this.environment = environment;
        this.reportsRoot = reportsRoot;
        this.clock = clock;
        this.lab = lab;
        this.summary = new RunSummary(environment.name(), clock.instant());
    }

    static RunContext open(Environment environment, Path reportsRoot, Clock clock) {
        Optional<Lab> lab = environment.isLab()
                ? Optional.of(Lab.start(LabState.from(environment.lab().orElseThrow()), clock))
                : Optional.empty();
        return new RunContext(environment, reportsRoot, clock, lab);
    }

    public Environment environment() {
        return environment;
    }

    public Checklist checklist() {
        return Checklist.of(environment);
    }

    /** The run's one collection, made on first use. */
    public synchronized Snapshot snapshot() {
        if (snapshot == null) {
            ManagementShell shell = counting(lab.map(l -> ManagementShells.forLab(l.host(), l.winRmPort(), l.username(), l.password(), environment))
                    .orElseGet(() -> ManagementShells.forEnvironment(environment)));
            shells.add(shell);
            snapshot = new Collector(CollectorScript.bundled(), clock).collect(CollectionScope.of(environment), shell);
            summary.measure("collectionMillis", snapshot.elapsed().toMillis());
        }
        return snapshot;
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
        Instant finished = clock.instant();
        try {
            Path run = summary.write(reportsRoot.resolve(environment.name()), finished, remoteCommands());
            keepSnapshot(run);
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

    /** The raw CliXml the script wrote, exactly as received: the evidence behind every fact. It holds no secret. */
    private synchronized void keepSnapshot(Path run) {
        if (snapshot == null) {
            return;
        }
        try {
            java.nio.file.Files.writeString(run.resolve("snapshot.clixml"), snapshot.rawOutput());
            java.nio.file.Files.writeString(run.resolve("snapshot-source.txt"), snapshot.source() + System.lineSeparator()
                    + "collected " + snapshot.collectedAt() + " in " + snapshot.elapsed().toMillis() + " ms" + System.lineSeparator());
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
