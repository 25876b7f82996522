package uccx.compliance.lab.powershell;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cmdlet calls the lab's Exchange answered: one per cmdlet per target, as the script's
 * sections make them (a {@code foreach} over servers calls once per server; an
 * organisation-wide cmdlet once). Each call costs the latency model's time, paid by the lab's
 * PowerShell thread that answers the section, never by a thread of the suite.
 */
public final class CmdletCalls {

    private final Duration perCall;
    private final AtomicInteger calls = new AtomicInteger();

    public CmdletCalls(Duration perCall) {
        this.perCall = perCall;
    }

    /** One call against one target: counted, then as slow as the model says. */
    void call() {
        calls.incrementAndGet();
        if (perCall.isZero()) {
            return;
        }
        try {
            Thread.sleep(perCall.toMillis());
        } catch (InterruptedException closing) {
            // The lab is closing: the answer is no longer awaited, so it may finish at once.
            Thread.currentThread().interrupt();
        }
    }

    public int count() {
        return calls.get();
    }
}
