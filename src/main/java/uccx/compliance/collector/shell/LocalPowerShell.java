package uccx.compliance.collector.shell;

import com.xebialabs.overthere.OperatingSystemFamily;
import com.xebialabs.overthere.OverthereProcess;
import com.xebialabs.overthere.RuntimeIOException;
import com.xebialabs.overthere.local.LocalProcess;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import uccx.compliance.collector.RemoteCommand;
import uccx.compliance.environment.Durations;

/**
 * Runs the command line on this machine, for a Windows build agent with the Exchange Management
 * Tools (the line starts {@code powershell.exe}): no network hop at all.
 *
 * <p>On Windows the line goes to {@code cmd.exe /d /s /c "<line>"}, as WinRM hands it to cmd.exe;
 * elsewhere (development and tests) to {@code /bin/sh -c <line>}. The process is started here
 * and wrapped in Overthere's {@link LocalProcess} rather than started by Overthere's LOCAL
 * connection, because that connection rewrites a Windows command line into its own
 * {@code cmd /s /c ""<line>""} quoting whenever the line contains a space, after which cmd.exe
 * looks for a program named like the whole line.
 */
public final class LocalPowerShell implements ManagementShell {

    private final Duration readTimeout;
    private final Charset console;
    private final boolean windows;
    private final ExecutorService threads = Executors.newCachedThreadPool(DaemonThreads.named("local-shell"));

    /**
     * @param readTimeout bounds the whole run
     * @param console     the encoding of the process's stdin and output: on Windows the OEM code
     *                    page of the agent (for example IBM437 or IBM850), elsewhere usually UTF-8
     */
    public LocalPowerShell(Duration readTimeout, Charset console) {
        this.readTimeout = readTimeout;
        this.console = console;
        this.windows = OperatingSystemFamily.getLocalHostOperatingSystemFamily() == OperatingSystemFamily.WINDOWS;
    }

    @Override
    public ShellOutput run(RemoteCommand command) throws ShellException {
        String hop = "local " + (windows ? "cmd.exe" : "/bin/sh");
        if (command.credentialLine()) {
            // The local powershell.exe runs with this agent's own logon: every server is one hop away.
            throw new ShellException(hop + ": not run, the command reads a second-hop credential that a local shell never sends");
        }
        List<byte[]> input;
        try {
            input = ProcessExchange.encode(command.standardInput(), console);
        } catch (CharacterCodingException e) {
            throw new ShellException(hop + ": not run, an input line has characters " + console + " cannot carry");
        }
        List<String> argv = windows
                ? List.of("cmd.exe", "/d", "/s", "/c", "\"" + command.commandLine() + "\"")
                : List.of("/bin/sh", "-c", command.commandLine());
        try {
            return new ProcessExchange(threads, console).run(() -> start(argv), input, Instant.now().plus(readTimeout), () -> { });
        } catch (TimeoutException e) {
            throw new ShellException(hop + ": the command did not end within " + Durations.seconds(readTimeout) + " (read timeout)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProcessExchange.OutputOverBound over) {
                throw new ShellException(hop + ": " + over.getMessage());
            }
            Throwable cause = e.getCause() instanceof RuntimeIOException && e.getCause().getCause() != null ? e.getCause().getCause() : e.getCause();
            throw new ShellException(hop + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShellException(hop + ": interrupted while waiting for the command");
        }
    }

    @Override
    public String describe() {
        return windows ? "local cmd.exe on this agent" : "local /bin/sh on this machine";
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /**
     * Destroying cmd.exe alone would leave the powershell.exe it started running after a timeout,
     * so the descendants go first.
     */
    private static final class ProcessTree extends LocalProcess {
        private final Process root;

        ProcessTree(Process root) {
            super(root);
            this.root = root;
        }

        @Override
        public void destroy() {
            root.descendants().forEach(ProcessHandle::destroyForcibly);
            root.destroyForcibly();
        }
    }

    private static OverthereProcess start(List<String> argv) {
        try {
            return new ProcessTree(new ProcessBuilder(argv).start());
        } catch (IOException e) {
            throw new RuntimeIOException("cannot start " + argv.get(0) + ": " + e.getMessage(), e);
        }
    }
}
