package uccx.compliance.lab.powershell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The threads on which the lab plays the runspaces of the collector script's RunspacePool, and
 * what a dead server does to them: RPC to a server that does not answer blocks the runspace that
 * asked, here until the lab closes. Closing ends every such wait and every runspace thread, so a
 * dead server never holds up the lab's shutdown.
 */
public final class LabRunspaces implements AutoCloseable {

    private final ExecutorService threads;
    private final CountDownLatch closed = new CountDownLatch(1);

    private LabRunspaces(ExecutorService threads) {
        this.threads = threads;
    }

    /** Runspace threads of their own, daemon threads named {@code lab-runspace}. */
    public static LabRunspaces start() {
        return new LabRunspaces(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "lab-runspace");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /**
     * An RPC call to a server that does not answer: blocks until the lab closes (or the thread is
     * interrupted), as RegConnectRegistry or an event-log query to a dead server blocks for 20 to 60 s
     * or more.
     */
    void hangLikeRpcToADeadServer() {
        try {
            closed.await();
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }

    /** A RunspacePool as the script opens it: {@code [RunspaceFactory]::CreateRunspacePool(1, max)}. */
    Pool open(int max) {
        return new Pool(max);
    }

    @Override
    public void close() {
        closed.countDown();
        threads.shutdownNow();
    }

    /**
     * One script's pool: reads queued in order, at most {@code max} running at once; a read the
     * script abandons keeps its runspace busy, and the script then grows the pool by one
     * ({@code SetMaxRunspaces}), which this pool does too.
     */
    final class Pool {
        private final Deque<QueuedRead> waiting = new ArrayDeque<>();
        private final List<QueuedRead> queued = new ArrayList<>();
        private int max;
        private int running;

        private Pool(int max) {
            this.max = max;
        }

        /** {@code [PowerShell]::Create()}, {@code .RunspacePool}, {@code AddScript}, {@code BeginInvoke()}. */
        synchronized QueuedRead queue(String fact, String target, String hop, Supplier<List<Serialized>> read) {
            QueuedRead r = new QueuedRead(fact, target, hop, read);
            queued.add(r);
            waiting.add(r);
            dispatch();
            return r;
        }

        /** Every read queued so far, in order. */
        synchronized List<QueuedRead> queued() {
            return List.copyOf(queued);
        }

        /** The script gave up on a read: its runspace stays busy, and the pool gets one more. */
        synchronized void abandon() {
            max++;
            dispatch();
        }

        private synchronized void ended() {
            running--;
            dispatch();
        }

        private void dispatch() {
            while (running < max && !waiting.isEmpty()) {
                QueuedRead next = waiting.poll();
                running++;
                threads.execute(() -> {
                    try {
                        next.run();
                    } finally {
                        ended();
                    }
                });
            }
        }
    }
}
