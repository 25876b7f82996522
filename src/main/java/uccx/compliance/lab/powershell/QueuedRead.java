package uccx.compliance.lab.powershell;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One per-server read the script queued on its RunspacePool: when its runspace began it (the
 * script's {@code $uccxStarted}), and its records once it has ended ({@code IsCompleted}).
 */
final class QueuedRead {

    private final String fact;
    private final String target;
    private final String hop;
    private final Supplier<List<Serialized>> read;
    private final long queuedAt = System.nanoTime();
    private Long startedAt;
    private List<Serialized> records;

    QueuedRead(String fact, String target, String hop, Supplier<List<Serialized>> read) {
        this.fact = fact;
        this.target = target;
        this.hop = hop;
        this.read = read;
    }

    void run() {
        synchronized (this) {
            startedAt = System.nanoTime();
        }
        List<Serialized> answered = read.get();
        synchronized (this) {
            records = answered;
        }
    }

    String fact() {
        return fact;
    }

    String target() {
        return target;
    }

    String hop() {
        return hop;
    }

    long queuedAt() {
        return queuedAt;
    }

    synchronized Optional<Long> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /** The records and status, once the read has ended. */
    synchronized Optional<List<Serialized>> records() {
        return Optional.ofNullable(records);
    }
}
