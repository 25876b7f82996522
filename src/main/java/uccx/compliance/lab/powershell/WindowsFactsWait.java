package uccx.compliance.lab.powershell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The script's windowsFacts section, played: it waits for the per-server reads it queued on its
 * RunspacePool, writes each one's records and status as it ends, gives up on a read that has run
 * past its bound from its own start (a failed status "EXCH02 did not answer within 15 s", the read
 * abandoned and the pool grown by one), and while anything is pending writes a progress record
 * every few seconds, as the script does, so that WinRM never ends the command for writing nothing.
 */
final class WindowsFactsWait {

    /** How often the lab looks; the script waits 250 ms on the first pending read's handle. */
    private static final long POLL_MILLIS = 50;

    private final LabRunspaces.Pool pool;
    private final Duration bound;
    private final int parallel;
    private final Duration progressEvery;

    WindowsFactsWait(LabRunspaces.Pool pool, Duration bound, int parallel, Duration progressEvery) {
        this.pool = pool;
        this.bound = bound;
        this.parallel = parallel;
        this.progressEvery = progressEvery;
    }

    void await(Consumer<Serialized> out) {
        List<QueuedRead> pending = new ArrayList<>(pool.queued());
        // A read that never started is given up once every wave of reads could have used its whole bound.
        long waves = (pending.size() + parallel - 1) / parallel + 1;
        long lastWritten = System.nanoTime();
        while (!pending.isEmpty()) {
            Iterator<QueuedRead> reads = pending.iterator();
            while (reads.hasNext()) {
                QueuedRead read = reads.next();
                long now = System.nanoTime();
                Optional<List<Serialized>> ended = read.records();
                Optional<Long> began = read.startedAt();
                boolean late = began.map(start -> now - start >= bound.toNanos())
                        .orElse(now - read.queuedAt() >= waves * bound.toNanos());
                if (ended.isPresent()) {
                    ended.get().forEach(out);
                } else if (late) {
                    out.accept(ExchangeAnswers.status(read.fact(), read.target(), read.hop(), new ExchangeAnswers.CmdletError(
                            began.isPresent() ? read.target() + " did not answer within " + bound.toSeconds() + " s"
                                    : read.target() + " was not asked: every runspace was held by servers that did not answer",
                            "UccxTargetTimeout")));
                    pool.abandon();
                } else {
                    continue;
                }
                reads.remove();
                lastWritten = now;
            }
            if (pending.isEmpty()) {
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
                return;
            }
            if (System.nanoTime() - lastWritten >= progressEvery.toNanos()) {
                // New-Object PSObject -Property @{...}: PowerShell 2.0 writes the keys as they hash.
                out.accept(Serialized.customObject(null).with("Waiting", Serialized.int32(pending.size())).with("UccxRecord", "progress")
                        .build());
                lastWritten = System.nanoTime();
            }
        }
    }
}
