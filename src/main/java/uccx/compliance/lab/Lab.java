package uccx.compliance.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import uccx.compliance.lab.powershell.CallCosts;
import uccx.compliance.lab.powershell.LabRunspaces;
import uccx.compliance.lab.powershell.LabPowerShell;
import uccx.compliance.lab.winrm.ListenerFault;
import uccx.compliance.lab.winrm.Logon;
import uccx.compliance.lab.winrm.ProgramResult;
import uccx.compliance.lab.winrm.RemoteProgram;
import uccx.compliance.lab.winrm.WinRmEndpoint;
import uccx.compliance.lab.winrm.WinRmEndpointSettings;

/**
 * The embedded, simulated Exchange 2010 organisation of a lab environment: a WinRM endpoint on a
 * free loopback port that answers the collector as the organisation in the lab state would.
 * Credentials are made fresh for each run and handed over in memory only, so a lab environment
 * needs no secret. The suite talks to it exactly as to a real server.
 */
public final class Lab implements AutoCloseable {

    private final WinRmEndpoint winRm;
    private final String username;
    private final String password;
    private final List<String> violations;
    private final LabMail mail;
    private final Optional<ClosedPort> closedPort;
    private final CallCosts costs;
    private final ExecutorService powerShells;
    private final LabRunspaces runspaces;

    private Lab(WinRmEndpoint winRm, String username, String password, List<String> violations, LabMail mail,
                Optional<ClosedPort> closedPort, CallCosts costs, ExecutorService powerShells, LabRunspaces runspaces) {
        this.winRm = winRm;
        this.closedPort = closedPort;
        this.username = username;
        this.password = password;
        this.violations = violations;
        this.mail = mail;
        this.costs = costs;
        this.powerShells = powerShells;
        this.runspaces = runspaces;
    }

    /** Starts the lab without its mail endpoints: only the management side. */
    public static Lab start(LabState state, Clock clock) {
        return start(state, clock, Optional.empty());
    }

    /**
     * Starts the lab. With a UCCX account, the lab also serves IMAP (one endpoint per Client Access
     * server) and SMTP, with a fresh password for that account.
     */
    public static Lab start(LabState state, Clock clock, Optional<String> uccxAccount) {
        return start(state, clock, uccxAccount, Lab::freshPassword);
    }

    /**
     * Starts the lab with passwords from {@code passwords} (first the audit account's, then the UCCX
     * account's): the proof that no password ever reaches a report must know the values it searches for.
     */
    public static Lab start(LabState state, Clock clock, Optional<String> uccxAccount, java.util.function.Supplier<String> passwords) {
        String username = "lab-audit-" + Integer.toHexString(new SecureRandom().nextInt(0x10000));
        String password = passwords.get();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        LatencyModel model = state.latencyModel();
        CallCosts costs = new CallCosts(model);
        // powershell.exe runs on a lab thread of its own, as a process beside the WinRM service does.
        ExecutorService powerShells = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "lab-powershell");
            thread.setDaemon(true);
            return thread;
        });
        // The script's RunspacePool runs on lab threads too; closing them ends any hang on a dead server.
        LabRunspaces runspaces = LabRunspaces.start();
        LabPowerShell powerShell = new LabPowerShell(state, clock, violations::add, costs, model.shellStart(), powerShells, runspaces,
                offered -> java.security.MessageDigest.isEqual(offered.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        password.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Optional<ManagementFault> fault = state.faults().management();
        WinRmEndpointSettings settings = WinRmEndpointSettings.http(username, password)
                .withLatency(Duration.ofMillis(state.faults().latencyMillis()).plus(model.winRmRoundTrip()));
        settings = fault.flatMap(Lab::listenerFault).map(settings::withFault).orElse(settings);
        WinRmEndpoint winRm = null;
        Optional<ClosedPort> closedPort = Optional.empty();
        try {
            winRm = WinRmEndpoint.start(settings, (commandLine, logon) -> program(powerShell.start(commandLine, brought(logon)), fault));
            // The endpoint still runs, unreachable, so that the run's counts and checks read as always.
            closedPort = fault.filter(f -> f == ManagementFault.REFUSED).map(f -> ClosedPort.reserve());
            LabMail mail = uccxAccount.isPresent() ? LabMail.start(state, uccxAccount.get(), passwords.get(), clock) : LabMail.none();
            return new Lab(winRm, username, password, violations, mail, closedPort, costs, powerShells, runspaces);
        } catch (IOException | RuntimeException e) {
            runspaces.close();
            powerShells.shutdownNow();
            closedPort.ifPresent(ClosedPort::close);
            if (winRm != null) {
                winRm.close();
            }
            throw e instanceof IOException io ? new UncheckedIOException("the lab could not start on loopback", io) : (RuntimeException) e;
        }
    }

    /**
     * Whether a logon brought a credential along for the second hop: a Kerberos logon whose client
     * forwarded its ticket. The lab's Basic logon stands for a Kerberos logon from a runner that
     * asked for delegation; whether the server may use what came is {@code lab.delegation}'s
     * call, made by the lab's PowerShell.
     */
    private static boolean brought(Logon logon) {
        return logon.method() == Logon.Method.BASIC || logon.delegatedCredential();
    }

    /** A password no one has seen before: 18 random bytes. */
    public static String freshPassword() {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The lab's mail side: IMAP per Client Access server, SMTP, the UCCX account's password and the certificate to trust. */
    public LabMail mail() {
        return mail;
    }

    /** The faults the WinRM listener itself plays; the others happen elsewhere (a closed port, the script's output). */
    private static Optional<ListenerFault> listenerFault(ManagementFault fault) {
        return switch (fault) {
            case UNAUTHORIZED -> Optional.of(ListenerFault.UNAUTHORIZED);
            case SERVER_ERROR -> Optional.of(ListenerFault.SERVER_ERROR);
            case WSMAN_FAULT -> Optional.of(ListenerFault.WSMAN_FAULT);
            case SLOW -> Optional.of(ListenerFault.SILENT);
            case REFUSED, TRUNCATED_OUTPUT, MALFORMED_OUTPUT, HOST_TEXT -> Optional.empty();
        };
    }

    private static RemoteProgram program(LabPowerShell.Session session, Optional<ManagementFault> fault) {
        return new RemoteProgram() {
            @Override
            public void standardInput(byte[] chunk) {
                session.input(new String(chunk, ProgramResult.CONSOLE));
            }

            @Override
            public void endOfInput() {
                session.endOfInput();
            }

            @Override
            public Optional<ProgramResult> result() {
                return session.result().map(r -> fault.map(f -> ScriptOutputFault.apply(f, r)).orElse(r))
                        .map(r -> ProgramResult.text(r.stdout(), r.stderr(), r.exitCode()));
            }

            @Override
            public void whenFinished(Runnable listener) {
                session.whenFinished(listener);
            }
        };
    }

    public String host() {
        return "127.0.0.1";
    }

    /** The WinRM port the collector is given: the listener's, or under the fault {@code refused} a closed one. */
    public int winRmPort() {
        return closedPort.map(ClosedPort::port).orElseGet(winRm::port);
    }

    /** This run's user name for WinRM Basic authentication. */
    public String username() {
        return username;
    }

    /** This run's password: kept in memory, never written anywhere. */
    public String password() {
        return password;
    }

    public int commandsReceived() {
        return winRm.commandsReceived();
    }

    /** Exchange cmdlet calls the lab answered from its directory (see {@link CallCosts}). */
    public int adCalls() {
        return costs.adCalls();
    }

    /** Objects those calls returned. */
    public int objectsReturned() {
        return costs.objects();
    }

    /** RPC calls to the Mailbox servers themselves: remote registry, remote event log. */
    public int rpcCalls() {
        return costs.rpcCalls();
    }

    public int failedAuthentications() {
        return winRm.failedAuthentications();
    }

    /** Everything the lab saw that must never happen in a run: a writing command, an unknown section, a command line too long. */
    public List<String> violations() {
        List<String> all = new ArrayList<>(winRm.violations());
        all.addAll(mail.violations());
        synchronized (violations) {
            all.addAll(violations);
        }
        return all;
    }

    @Override
    public void close() {
        try {
            mail.close();
        } finally {
            closedPort.ifPresent(ClosedPort::close);
            winRm.close();
            runspaces.close();
            powerShells.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "lab WinRM http://" + host() + ":" + winRmPort() + "/wsman as " + username;
    }
}
