package uccx.compliance.collector.shell;

import com.xebialabs.overthere.OverthereProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One process run under a deadline: start it, write its input lines, read stdout and stderr at
 * the same time (a full pipe would otherwise stall the other), wait for its exit. Every blocking
 * step runs on the shell's threads so that the caller waits no longer than the deadline, whatever
 * the process or the network does.
 */
final class ProcessExchange {

    /**
     * The most one command may write to stdout, and again to stderr. The collector's snapshot grows with
     * the servers and receive connectors it describes: 417 KiB for the benchmark's largest lab
     * organisation, 100 servers and 250 connectors (README, "Speed and scale"). 32 MiB leaves
     * room for far larger sites and wordier real objects, and keeps a runaway command or a
     * hostile server from filling the heap.
     */
    static final int MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

    /** A stream went past {@link #MAX_OUTPUT_BYTES}; the process is stopped like one that timed out. */
    static final class OutputOverBound extends RuntimeException {
        OutputOverBound(String stream) {
            super("the command wrote more than " + MAX_OUTPUT_BYTES / (1024 * 1024) + " MiB to " + stream
                    + " (the bound on one command's output); it was stopped and nothing it wrote was read");
        }
    }

    private final ExecutorService threads;
    private final Charset console;

    ProcessExchange(ExecutorService threads, Charset console) {
        this.threads = threads;
        this.console = console;
    }

    /**
     * The input lines, each ended by CRLF, are written at once and flushed; then the local end of stdin is closed. A
     * remote WinRM stdin is never closed by Overthere, so the script must end on its own (for
     * example on a sentinel line) rather than on end of input.
     *
     * @param release runs once the process is done with: at once when the run ends, or after the
     *                background destroy when the deadline passed (a connection closed earlier
     *                would keep the destroy from reaching the server)
     * @throws TimeoutException   when the deadline passes first; the process is then destroyed in the background
     * @throws ExecutionException with what the process or its transport threw
     */
    ShellOutput run(Supplier<OverthereProcess> start, List<byte[]> input, Instant deadline, Runnable release)
            throws TimeoutException, ExecutionException, InterruptedException {
        Instant begun = Instant.now();
        CompletableFuture<OverthereProcess> started = CompletableFuture.supplyAsync(start, threads);
        OverthereProcess process;
        try {
            process = await(started, deadline);
        } catch (TimeoutException | InterruptedException e) {
            inBackground(() -> started.whenComplete((late, failed) -> destroyThenRelease(late, release)), release);
            throw e;
        } catch (ExecutionException e) {
            release.run();
            throw e;
        }
        List<Future<?>> pending = new ArrayList<>();
        try {
            pending.add(CompletableFuture.runAsync(() -> write(process, input), threads));
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getStdout(), "stdout"), threads);
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getStderr(), "stderr"), threads);
            pending.add(stdout);
            pending.add(stderr);
            byte[] out = await(stdout, deadline);
            byte[] err = await(stderr, deadline);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> waitFor(process), threads);
            pending.add(exit);
            int exitCode = await(exit, deadline);
            release.run();
            return new ShellOutput(new String(out, console), new String(err, console), exitCode, Duration.between(begun, Instant.now()));
        } catch (TimeoutException | InterruptedException | ExecutionException e) {
            pending.forEach(f -> f.cancel(true));
            inBackground(() -> destroyThenRelease(process, release), release);
            throw e;
        }
    }

    /** The input as the console reads it, each line ended by CRLF; refuses what the code page cannot carry. */
    static List<byte[]> encode(List<String> lines, Charset console) throws CharacterCodingException {
        List<byte[]> encoded = new ArrayList<>(lines.size());
        var encoder = console.newEncoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (String line : lines) {
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(line + "\r\n"));
            byte[] array = new byte[bytes.remaining()];
            bytes.get(array);
            encoded.add(array);
        }
        return encoded;
    }

    private static <T> T await(Future<T> future, Instant deadline) throws TimeoutException, ExecutionException, InterruptedException {
        long nanos = Duration.between(Instant.now(), deadline).toNanos();
        if (nanos <= 0 && !future.isDone()) {
            throw new TimeoutException();
        }
        return future.get(Math.max(nanos, 0), TimeUnit.NANOSECONDS);
    }

    /**
     * The whole input in one write and one flush. Over WinRM Overthere's input reader sends what
     * its 1 KiB pipe holds each time a flush wakes it, one Send and one round trip each: flushed
     * line by line, 45 KB of short lines went out in 59 Sends, written at once in 45 full loads.
     * The collector's script is its bulk, and it must have arrived before the script can start.
     */
    private static void write(OverthereProcess process, List<byte[]> input) {
        try (OutputStream stdin = process.getStdin()) {
            stdin.write(joined(input));
            stdin.flush();
        } catch (IOException ended) {
            // The process stopped reading (it ended or failed); its exit code and output tell why.
        }
    }

    private static byte[] joined(List<byte[]> lines) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        lines.forEach(all::writeBytes);
        return all.toByteArray();
    }

    private static byte[] readAll(InputStream stream, String name) {
        try (stream) {
            byte[] read = stream.readNBytes(MAX_OUTPUT_BYTES);
            if (read.length == MAX_OUTPUT_BYTES && stream.read() >= 0) {
                throw new OutputOverBound(name);
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int waitFor(OverthereProcess process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    private static void destroyThenRelease(OverthereProcess process, Runnable release) {
        try {
            if (process != null) {
                process.destroy();
            }
        } catch (RuntimeException cleanupFailed) {
            // Best effort: the run has already failed for a reason the caller reports.
        } finally {
            release.run();
        }
    }

    /** Runs the cleanup on the shell's threads, or releases at once when the shell is closing and takes no more work. */
    private void inBackground(Runnable cleanup, Runnable release) {
        try {
            threads.execute(cleanup);
        } catch (RejectedExecutionException closing) {
            release.run();
        }
    }
}
