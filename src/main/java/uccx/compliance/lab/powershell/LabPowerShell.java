package uccx.compliance.lab.powershell;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uccx.compliance.lab.LabState;
import uccx.compliance.lab.ManagementFault;

/**
 * What the lab's Exchange servers run when a WinRM command arrives: {@code powershell.exe} with
 * an {@code -EncodedCommand} bootstrap that reads the collector script from standard input up to
 * a sentinel line, answered as PowerShell 2.0 on Exchange 2010 would answer it. Anything the lab
 * does not expect is a violation that fails the run: an unknown section, a command that writes,
 * a command line that is not PowerShell.
 */
public final class LabPowerShell {

    /** The sections the lab knows besides the facts and windowsFacts. */
    private static final Set<String> FRAME_SECTIONS = Set.of("parameters", "setup", "end");

    /** What a script that reads on a RunspacePool must be given by its parameters section. */
    private static final List<String> POOL_PARAMETERS = List.of("UccxTargetSeconds", "UccxParallelTargets");

    private static final Pattern SENTINEL = Pattern.compile("-ne\\s+'([^']+)'");

    /** The collector's bootstrap for {@code secondHop: credential} reads one line more after the sentinel: the password. */
    private static final Pattern READS_CREDENTIAL = Pattern.compile("(?i)FromBase64String\\(\\[Console\\]::In\\.ReadLine\\(\\)\\)");

    private final LabState state;
    private final Clock clock;
    private final Consumer<String> violations;
    private final CallCosts costs;
    private final Duration shellStart;
    private final Executor processes;
    private final LabRunspaces runspaces;
    private final Predicate<String> auditPassword;

    /**
     * Answers at once, on the thread that delivers the last line of the script; the per-server reads
     * run on runspace threads of its own (daemon threads, never closed: a lab state with an unreachable
     * server wants {@link #LabPowerShell(LabState, Clock, Consumer, CallCosts, Duration, Executor, LabRunspaces)}).
     */
    public LabPowerShell(LabState state, Clock clock, Consumer<String> violations) {
        this(state, clock, violations, new CallCosts(uccx.compliance.lab.LatencyModel.NONE), Duration.ZERO, Runnable::run,
                LabRunspaces.start(), password -> false);
    }

    /**
     * @param costs      counts (and paces) the calls the answers make
     * @param shellStart how long powershell.exe and the Exchange snap-in take to start, from the command's start
     * @param processes  where a started powershell.exe runs once its script has arrived: the lab's own threads
     * @param runspaces  where the script's RunspacePool runs its reads; closing it ends a dead server's hang
     * @param auditPassword whether a second-hop credential the script received is the audit account's password
     */
    public LabPowerShell(LabState state, Clock clock, Consumer<String> violations, CallCosts costs, Duration shellStart,
                         Executor processes, LabRunspaces runspaces, Predicate<String> auditPassword) {
        this.state = state;
        this.clock = clock;
        this.violations = violations;
        this.costs = costs;
        this.shellStart = shellStart;
        this.processes = processes;
        this.runspaces = runspaces;
        this.auditPassword = auditPassword;
    }

    /** What a command writes and how it ends. */
    public record Result(String stdout, String stderr, int exitCode) {
    }

    /** Starts one command; it answers once its standard input has delivered the whole script. */
    public Session start(String commandLine) {
        return start(commandLine, true);
    }

    /**
     * Starts one command; it answers once its standard input has delivered the whole script.
     *
     * @param ticketForwarded the logon brought a credential along (a forwarded Kerberos ticket; the
     *                        lab's Basic logon stands for one): the server can use it only if Active
     *                        Directory trusts it for delegation ({@code lab.delegation})
     */
    public Session start(String commandLine, boolean ticketForwarded) {
        if (!commandLine.trim().toLowerCase(java.util.Locale.ROOT).startsWith("powershell.exe")) {
            violations.accept("the lab received a command that is not powershell.exe: " + abbreviate(commandLine));
            String program = commandLine.trim().split("\\s+")[0];
            return Session.finished(new Result("", "'" + program + "' is not recognized as an internal or external command,\r\n"
                    + "operable program or batch file.\r\n", 1));
        }
        PowerShellCommandLine options = PowerShellCommandLine.parse(commandLine);
        String bootstrap = options.bootstrap();
        refuseWriting(bootstrap);
        Matcher sentinel = SENTINEL.matcher(bootstrap);
        if (!options.xmlOutput() || !sentinel.find()) {
            violations.accept("the lab expected the collector's bootstrap (-OutputFormat XML, reading standard input up to a sentinel), got: "
                    + abbreviate(bootstrap.isEmpty() ? commandLine : bootstrap));
            return Session.finished(new Result("", "", 1));
        }
        Optional<String> policy = options.executionPolicy();
        // The shell starts when the command does, while its standard input is still arriving.
        boolean forwarded = ticketForwarded && state.windows().trustedForDelegation();
        boolean readsCredential = READS_CREDENTIAL.matcher(bootstrap).find();
        return new Session(sentinel.group(1), readsCredential, (script, credential, out) -> answer(script, policy,
                new SecondHops(forwarded, credential.filter(this::isAuditPassword).isPresent()), out),
                System.nanoTime() + shellStart.toNanos(), processes, options.hostReadsStandardInput());
    }

    /** The credential line: base64 of the password's UTF-16LE bytes. Anything else is a violation, never a logon. */
    private boolean isAuditPassword(String line) {
        try {
            String password = new String(java.util.Base64.getDecoder().decode(line.trim()), java.nio.charset.StandardCharsets.UTF_16LE);
            if (auditPassword.test(password)) {
                return true;
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below
        }
        violations.accept("the second-hop credential the script received is not the audit account's password in the bootstrap's form");
        return false;
    }

    /** Runs the script's sections in order, writing to {@code out} as powershell.exe writes each object when it has it. */
    private Result answer(String script, Optional<String> processPolicy, SecondHops hops, CliXmlWriter out) {
        if (script.isBlank()) {
            // [scriptblock]::Create('') runs and writes nothing.
            return new Result("", "", 0);
        }
        refuseWriting(script);
        ScriptSections sections = ScriptSections.of(script);
        Optional<Result> refused = ExecutionPolicy.refusal(sections, state.windows().executionPolicy(), processPolicy);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (sections.opensRunspacePool()) {
            POOL_PARAMETERS.stream().filter(p -> sections.value(p).isBlank()).forEach(p -> violations.accept(
                    "the script reads on a RunspacePool but its parameters section does not set $" + p + ": script and lab have drifted apart"));
        }
        ExchangeAnswers answers = new ExchangeAnswers(state, clock, sections, costs, runspaces, hops);
        boolean hostText = state.faults().management().filter(f -> f == ManagementFault.HOST_TEXT).isPresent();
        for (ScriptSections.Section section : sections.sections()) {
            String name = section.name();
            if (name.equals("setup")) {
                // The banner comes while RemoteExchange.ps1 loads, before the setup reports the session.
                if (hostText) {
                    out.hostText(HostText.after(name));
                }
                answers.setup(section).forEach(out::write);
            } else if (name.equals("end")) {
                out.write(answers.end(section));
            } else if (name.equals("windowsFacts")) {
                answers.awaitWindowsFacts(section, out::write, violations);
            } else if (name.startsWith("fact:")) {
                Optional<List<Serialized>> records = answers.answer(section);
                records.ifPresentOrElse(r -> r.forEach(out::write),
                        () -> violations.accept("the lab does not know the script section '" + name + "': script and lab have drifted apart"));
            } else if (!FRAME_SECTIONS.contains(name)) {
                violations.accept("the lab does not know the script section '" + name + "': script and lab have drifted apart");
            }
            if (hostText && !name.equals("setup")) {
                out.hostText(HostText.after(name));
            }
        }
        CliXmlWriter errors = new CliXmlWriter();
        answers.errorStream().forEach(e -> errors.write("Error", e));
        return new Result(out.finish(), errors.isEmpty() ? "" : errors.finish(), 0);
    }

    private void refuseWriting(String powerShell) {
        List<String> writing = WritingCommands.in(powerShell);
        if (!writing.isEmpty()) {
            violations.accept("the lab received commands that could change Exchange: " + String.join(", ", writing));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    /** One running command: collects standard input until the sentinel line, then answers. */
    public static final class Session {
        private final String sentinel;
        private final boolean readsCredential;
        private final Answer answer;
        private final CliXmlWriter out = new CliXmlWriter();
        private final long readyAtNanos;
        private final Executor process;
        private final boolean hostReadsInput;
        private final StringBuilder received = new StringBuilder();
        private final StringBuilder script = new StringBuilder();
        private final StringBuilder hostBuffer = new StringBuilder();
        private boolean scriptRead;
        private String credential;
        private boolean complete;
        private Result result;
        private Runnable whenFinished = () -> { };

        /** The script's text, the second-hop credential line if one came, and where it writes. */
        private interface Answer {
            Result apply(String script, Optional<String> credential, CliXmlWriter out);
        }

        private Session(String sentinel, boolean readsCredential, Answer answer, long readyAtNanos, Executor process,
                        boolean hostReadsInput) {
            this.sentinel = sentinel;
            this.readsCredential = readsCredential;
            this.answer = answer;
            this.readyAtNanos = readyAtNanos;
            this.process = process;
            this.hostReadsInput = hostReadsInput;
        }

        private static Session finished(Result result) {
            Session session = new Session(null, false, (s, c, out) -> result, System.nanoTime(), Runnable::run, false);
            session.complete = true;
            session.result = result;
            return session;
        }

        /** Standard input as it arrives, in chunks that may cut lines anywhere. */
        public void input(String chunk) {
            Optional<String> whole = collect(chunk);
            // Answered outside this session's lock: the notified endpoint takes its own lock.
            whole.ifPresent(text -> process.execute(() -> finish(text)));
        }

        /**
         * The client closed standard input. The bootstrap's {@code [Console]::In.ReadLine()} then
         * returns {@code $null} and it runs the lines it has read. A host that read standard input
         * itself hands what it took to the command as pipeline input, which the bootstrap never
         * reads: the bootstrap has nothing, and runs an empty script.
         */
        public void endOfInput() {
            String lines;
            synchronized (this) {
                if (complete) {
                    return;
                }
                complete = true;
                lines = hostReadsInput ? "" : script.toString();
            }
            process.execute(() -> finish(lines));
        }

        private synchronized Optional<String> collect(String chunk) {
            if (complete) {
                return Optional.empty();
            }
            if (hostReadsInput) {
                // PowerShell 2.0's console host reads redirected standard input through a buffer of its
                // own (whole chunks, not lines) as soon as it arrives; the bootstrap's [Console]::In
                // never sees it, and the host waits for an end of input before it runs the command.
                hostBuffer.append(chunk);
                return Optional.empty();
            }
            received.append(chunk);
            int newline;
            while ((newline = received.indexOf("\n")) >= 0) {
                String line = received.substring(0, newline).replace("\r", "");
                received.delete(0, newline + 1);
                if (scriptRead) {
                    credential = line;
                    complete = true;
                    return Optional.of(script.toString());
                }
                if (line.equals(sentinel)) {
                    scriptRead = true;
                    if (!readsCredential) {
                        complete = true;
                        return Optional.of(script.toString());
                    }
                    continue;
                }
                script.append(line).append('\n');
            }
            return Optional.empty();
        }

        /** What the host itself took from standard input, for tests: nothing once {@code -InputFormat None} is given. */
        public synchronized int charactersTakenByHost() {
            return hostBuffer.length();
        }

        private void finish(String text) {
            long wait = readyAtNanos - System.nanoTime();
            if (wait > 0) {
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException closing) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Optional<String> secondHopCredential;
            synchronized (this) {
                secondHopCredential = Optional.ofNullable(credential);
                credential = null;
            }
            Result answered = answer.apply(text, secondHopCredential, out);
            Runnable notify;
            synchronized (this) {
                result = answered;
                notify = whenFinished;
            }
            notify.run();
        }

        /**
         * What the command has written to standard output so far, as a console reading it would see it:
         * powershell.exe -OutputFormat XML writes each object as the script writes it, not at the end.
         */
        public String writtenSoFar() {
            return out.soFar();
        }

        /** Called once the result exists, on the thread that made it; at once if it already does. */
        public void whenFinished(Runnable listener) {
            boolean done;
            synchronized (this) {
                whenFinished = listener;
                done = result != null;
            }
            if (done) {
                listener.run();
            }
        }

        public synchronized Optional<Result> result() {
            return Optional.ofNullable(result);
        }
    }
}
