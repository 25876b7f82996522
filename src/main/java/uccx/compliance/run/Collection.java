package uccx.compliance.run;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import uccx.compliance.collector.CollectionScope;
import uccx.compliance.collector.Collector;
import uccx.compliance.collector.CollectorScript;
import uccx.compliance.collector.RawRecords;
import uccx.compliance.collector.RemoteCommand;
import uccx.compliance.collector.Snapshot;
import uccx.compliance.collector.shell.ManagementShell;
import uccx.compliance.collector.shell.ManagementShells;
import uccx.compliance.collector.shell.ShellException;
import uccx.compliance.collector.shell.ShellOutput;
import uccx.compliance.collector.shell.SnapshotReplay;
import uccx.compliance.environment.Environment;
import uccx.compliance.evidence.RunSummary;
import uccx.compliance.lab.Lab;

/**
 * The run's one collection: one remote command to the Exchange Management Shell (or the replay of
 * a saved output), on a thread of its own so that the live probes run while Exchange answers.
 */
final class Collection {

    private final Environment environment;
    private final Clock clock;
    private final Optional<Lab> lab;
    private final Optional<Path> replay;
    private final RunSummary summary;
    private final CompletableFuture<Snapshot> collected = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final List<ManagementShell> shells = new ArrayList<>();
    private int commandsSent;
    private Snapshot snapshot;
    private RawRecords rawRecords;

    Collection(Environment environment, Clock clock, Optional<Lab> lab, Optional<Path> replay, RunSummary summary) {
        this.environment = environment;
        this.clock = clock;
        this.lab = lab;
        this.replay = replay;
        this.summary = summary;
    }

    /** Starts collecting, once; a replay starts on first use instead. */
    void start() {
        if (started.compareAndSet(false, true)) {
            // The collection waits on the network for seconds; its own thread leaves the tests free meanwhile.
            Thread collector = new Thread(() -> {
                try {
                    collected.complete(collect());
                } catch (Throwable e) {
                    collected.completeExceptionally(e);
                }
            }, "collector-" + environment.name());
            collector.setDaemon(true);
            collector.start();
        }
    }

    Snapshot snapshot() {
        start();
        try {
            return collected.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The snapshot once a collection under way has finished; empty when none was started. */
    Optional<Snapshot> ifStarted() {
        return started.get() ? Optional.of(snapshot()) : Optional.empty();
    }

    /** The collector's records as written, for the raw evidence beside each result; read once per run. */
    synchronized RawRecords rawRecords() {
        if (rawRecords == null) {
            rawRecords = RawRecords.of(snapshot().rawOutput());
        }
        return rawRecords;
    }

    /** Waits for a collection under way to end, whatever its outcome: the snapshot is the run's evidence. */
    void awaitEnd() {
        if (started.get()) {
            collected.exceptionally(failure -> null).join();
        }
    }

    /** The snapshot, if the collection has produced one by now. */
    synchronized Optional<Snapshot> collectedSoFar() {
        return Optional.ofNullable(snapshot);
    }

    boolean isReplay() {
        return replay.isPresent();
    }

    /** How many management commands this run sent; the lab's own count when it is a lab. */
    synchronized int remoteCommands() {
        return lab.map(Lab::commandsReceived).orElse(commandsSent);
    }

    synchronized void closeShells() {
        shells.forEach(ManagementShell::close);
    }

    private Snapshot collect() {
        ManagementShell shell = replay.<ManagementShell>map(SnapshotReplay::new).orElseGet(() -> counting(lab
                .map(l -> ManagementShells.forLab(l.host(), l.winRmPort(), l.username(), l.password(), environment))
                .orElseGet(() -> ManagementShells.forEnvironment(environment))));
        synchronized (this) {
            shells.add(shell);
        }
        Snapshot result = new Collector(CollectorScript.bundled(), clock).collect(CollectionScope.of(environment), shell);
        summary.measure("collectionMillis", result.elapsed().toMillis());
        if (!result.hostText().isEmpty()) {
            // Not a failure: the facts around it were read. Kept as evidence, and said, since it is not the script's output.
            String first = result.hostText().get(0).lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
            summary.warn("the collector's output carried " + result.hostText().size() + " piece(s) of text the console host wrote "
                    + "itself (kept in snapshot.xml and snapshot-source.txt), the first: " + (first.length() > 120 ? first.substring(0, 117)
                    + "..." : first));
        }
        synchronized (this) {
            snapshot = result;
        }
        return result;
    }

    private ManagementShell counting(ManagementShell shell) {
        return new ManagementShell() {
            @Override
            public ShellOutput run(RemoteCommand command) throws ShellException {
                synchronized (Collection.this) {
                    commandsSent++;
                }
                return shell.run(command);
            }

            @Override
            public boolean bringsCredential() {
                return shell.bringsCredential();
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
