package uccx.compliance.lab.winrm;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One WinRM Command: its program, the output not yet received, and a condition that a waiting
 * Receive sleeps on until the program has a result.
 */
final class RunningCommand {

    /** STATUS_CONTROL_C_EXIT: what a console process ended by the terminate signal exits with. */
    static final int TERMINATED = 0xC000013A;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final RemoteProgram program;
    private ProgramResult result;
    private int stdoutSent;
    private int stderrSent;

    RunningCommand(RemoteProgram program) {
        this.program = program;
        this.result = program.result().orElse(null);
        program.whenFinished(this::programFinished);
    }

    private void programFinished() {
        lock.lock();
        try {
            if (result == null) {
                result = program.result().orElse(null);
                if (result != null) {
                    changed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Hands one Send to the program; input after the program ended is dropped, as a real pipe would. */
    void input(byte[] chunk) {
        lock.lock();
        try {
            if (result == null) {
                program.standardInput(chunk);
                result = program.result().orElse(null);
                if (result != null) {
                    changed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    void endOfInput() {
        lock.lock();
        try {
            if (result == null) {
                program.endOfInput();
                result = program.result().orElse(null);
                if (result != null) {
                    changed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    void terminate() {
        lock.lock();
        try {
            if (result == null) {
                result = new ProgramResult(new byte[0], new byte[0], TERMINATED);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next output, at most {@code maxBytes} of it, once the program has a result; empty when
     * it has none within {@code timeout}.
     */
    Optional<OutputChunk> next(Duration timeout, int maxBytes) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (result == null) {
                if (nanos <= 0) {
                    return Optional.empty();
                }
                nanos = changed.awaitNanos(nanos);
            }
            byte[] stdout = result.stdout();
            byte[] stderr = result.stderr();
            int outCount = Math.min(maxBytes, stdout.length - stdoutSent);
            int errCount = Math.min(maxBytes - outCount, stderr.length - stderrSent);
            byte[] out = Arrays.copyOfRange(stdout, stdoutSent, stdoutSent + outCount);
            byte[] err = Arrays.copyOfRange(stderr, stderrSent, stderrSent + errCount);
            stdoutSent += outCount;
            stderrSent += errCount;
            boolean done = stdoutSent == stdout.length && stderrSent == stderr.length;
            return Optional.of(new OutputChunk(out, err, done, result.exitCode()));
        } finally {
            lock.unlock();
        }
    }
}
