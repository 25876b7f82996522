package uccx.compliance.collector.shell;

import static com.xebialabs.overthere.ConnectionOptions.ADDRESS;
import static com.xebialabs.overthere.ConnectionOptions.CONNECTION_TIMEOUT_MILLIS;
import static com.xebialabs.overthere.ConnectionOptions.OPERATING_SYSTEM;
import static com.xebialabs.overthere.ConnectionOptions.PASSWORD;
import static com.xebialabs.overthere.ConnectionOptions.PORT;
import static com.xebialabs.overthere.ConnectionOptions.SOCKET_TIMEOUT_MILLIS;
import static com.xebialabs.overthere.ConnectionOptions.TEMPORARY_DIRECTORY_DELETE_ON_DISCONNECT;
import static com.xebialabs.overthere.ConnectionOptions.USERNAME;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.CONNECTION_TYPE;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_CONTEXT;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_ENABLE_HTTPS;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_HTTPS_CERTIFICATE_TRUST_STRATEGY;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_HTTPS_HOSTNAME_VERIFICATION_STRATEGY;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_TIMEMOUT;
import static com.xebialabs.overthere.cifs.CifsConnectionBuilder.CIFS_PROTOCOL;

import com.xebialabs.overthere.CmdLine;
import com.xebialabs.overthere.ConnectionOptions;
import com.xebialabs.overthere.OperatingSystemFamily;
import com.xebialabs.overthere.OverthereConnection;
import com.xebialabs.overthere.cifs.CifsConnectionBuilder;
import com.xebialabs.overthere.cifs.CifsConnectionType;
import com.xebialabs.overthere.cifs.WinrmHttpsCertificateTrustStrategy;
import com.xebialabs.overthere.cifs.WinrmHttpsHostnameVerificationStrategy;
import com.xebialabs.overthere.spi.AddressPortMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.security.auth.Subject;
import javax.security.auth.login.LoginException;
import uccx.compliance.collector.RemoteCommand;
import uccx.compliance.environment.Durations;
import uccx.compliance.environment.SecondHop;
import uccx.compliance.tls.Trust;

/**
 * Runs a command on a Windows server through Overthere's WinRM client (protocol {@code cifs},
 * connection type {@code WINRM_INTERNAL}: WS-Management over HTTP(S) only; nothing dials SMB's
 * port 445).
 *
 * <h2>Authentication</h2>
 * Kerberos when the user name has an {@code @} ({@code user@REALM}), Basic otherwise. WinRM's
 * Basic accepts local accounts only, so against a real Exchange organisation it is Kerberos; the
 * lab uses Basic over HTTP with per-run credentials. Kerberos is the suite's, not Overthere's:
 * <ul>
 *   <li>One login to the KDC per shell ({@link KerberosLogin}), on its first run, with the
 *       password and no ticket cache: a refused password costs one failed pre-authentication and
 *       is never tried again. (Overthere 5.3.2 logs in again for every SOAP request.)</li>
 *   <li>Each request carries {@code Authorization: Negotiate} with a SPNEGO token for
 *       {@code WSMAN/<host>} (the WinRM service's SPN, no port, the host as configured), added by
 *       {@link NegotiatingHop}, which Overthere reaches as its AddressPortMapper and which also
 *       verifies the server's mutual-authentication answer. Overthere itself runs with a
 *       placeholder user for Basic and is never challenged.</li>
 *   <li>Delegation as {@link WinRmSettings.Delegation} says: by default the TGT is forwarded only
 *       to a server Active Directory trusts for delegation (OK-AS-DELEGATE), never otherwise, even
 *       with {@code forwardable = true} in krb5.conf. (Overthere 5.3.2 always asks for
 *       delegation, so it forwards a forwardable TGT to any server.)</li>
 *   <li>Use HTTPS with Kerberos: WinRM message encryption is not implemented, so plain HTTP needs
 *       {@code AllowUnencrypted=true} on the server.</li>
 * </ul>
 *
 * <h2>HTTPS</h2>
 * Verified by {@link Trust} on a connection this class owns ({@link RelayHop} for Basic,
 * {@link NegotiatingHop} for Kerberos), because Overthere cannot be given a trust store, an
 * SSLContext or a pin without JVM-wide state.
 *
 * <h2>Timeouts</h2>
 * The whole run (shell, command, input, output, exit, shell deletion) is bounded by the read
 * timeout. The WS-Management OperationTimeout is the read timeout capped at 60 s, WinRM's default
 * MaxTimeoutms: a larger value is refused by a server with default settings. A real server answers
 * a Receive with a TimedOut fault when a command wrote nothing for that long, and Overthere 5.3.2
 * fails the command on that fault instead of receiving again: the script must write something at
 * least every OperationTimeout.
 *
 * <h2>Never retried</h2>
 * After a refused password this shell sends nothing more with it, to the server or to the KDC.
 */
public final class WinRmShell implements ManagementShell {

    /** WinRM's default MaxTimeoutms. */
    static final Duration MAX_OPERATION_TIMEOUT = Duration.ofSeconds(60);
    /** How long after the OperationTimeout a socket may stay silent: the server's TimedOut fault needs a moment to arrive. */
    static final Duration SOCKET_GRACE = Duration.ofSeconds(5);
    /** The code page Overthere opens shells with (WINRS_CODEPAGE 437): what the console reads and writes. */
    static final Charset CONSOLE = Charset.forName("IBM437");
    /**
     * Overthere's user in a Kerberos run: without {@code @}, so Overthere would answer a Basic
     * challenge if it ever got one; it never does (the hop strips challenges), and it never holds
     * the password.
     */
    private static final String NEGOTIATED_BY_THE_HOP = "uccx-negotiate";

    private final WinRmSettings settings;
    private final ExecutorService threads;
    private final AtomicBoolean credentialRefused = new AtomicBoolean();
    private final Duration maxOperationTimeout;
    private final boolean bringsCredential;
    /** The run's one Kerberos login, kept while it runs or succeeded; guarded by itself. */
    private final Object loginLock = new Object();
    private Future<Subject> login;

    public WinRmShell(WinRmSettings settings) {
        this(settings, MAX_OPERATION_TIMEOUT);
    }

    /** A shell that, for {@link SecondHop#CREDENTIAL}, sends the password after a command's input when the command reads it. */
    public WinRmShell(WinRmSettings settings, SecondHop secondHop) {
        this(settings, MAX_OPERATION_TIMEOUT, secondHop == SecondHop.CREDENTIAL);
    }

    /** With another OperationTimeout cap than WinRM's default, so tests can meet it in milliseconds. */
    WinRmShell(WinRmSettings settings, Duration maxOperationTimeout) {
        this(settings, maxOperationTimeout, false);
    }

    private WinRmShell(WinRmSettings settings, Duration maxOperationTimeout, boolean bringsCredential) {
        this.settings = settings;
        this.bringsCredential = bringsCredential;
        this.maxOperationTimeout = maxOperationTimeout;
        this.threads = Executors.newCachedThreadPool(DaemonThreads.named("winrm-" + settings.host()));
    }

    @Override
    public ShellOutput run(RemoteCommand command) throws ShellException {
        String hop = "WinRM " + settings.endpoint();
        if (credentialRefused.get()) {
            throw new ShellException(hop + ": not sent, the password of " + settings.username()
                    + " was refused earlier and is never tried twice");
        }
        WinRmCommandLine.requireUnchangedBySending(command.commandLine(), hop);
        List<byte[]> input = consoleInput(withCredentialLine(command, hop), hop);
        Instant deadline = Instant.now().plus(settings.readTimeout());
        LoopbackHop tunnel = settings.kerberos() ? openNegotiatingHop(hop, deadline) : openRelay(hop);
        AddressPortMapper mapper = tunnel;
        OverthereConnection connection;
        try {
            connection = new CifsConnectionBuilder(CIFS_PROTOCOL, options(tunnel), mapper).connect();
        } catch (RuntimeException e) {
            mapper.close();
            throw new ShellException(hop + ": Overthere refused the connection settings (" + e.getMessage() + ")");
        }
        // Overthere wraps the line in quotes for cmd.exe; a raw argument keeps it from re-quoting the inside.
        CmdLine line = new CmdLine().addRaw(command.commandLine());
        Instant begun = Instant.now();
        try {
            // Closing the connection closes the tunnel, which also frees Overthere's threads still blocked on it.
            return new ProcessExchange(threads, CONSOLE).run(() -> connection.startProcess(line), input, deadline, connection::close);
        } catch (TimeoutException e) {
            throw new ShellException(hop + ": no answer within " + Durations.seconds(settings.readTimeout()) + " (read timeout)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProcessExchange.OutputOverBound over) {
                throw new ShellException(hop + ": " + over.getMessage());
            }
            throw failure(hop, e.getCause(), tunnel, Duration.between(begun, Instant.now()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShellException(hop + ": interrupted while waiting for the command");
        }
    }

    @Override
    public String describe() {
        String scheme = !settings.kerberos() ? "Basic"
                : settings.delegation() == WinRmSettings.Delegation.NEVER ? "Kerberos, never delegated"
                : "Kerberos, delegated only where Active Directory trusts the server for delegation";
        return "WinRM " + settings.endpoint() + " as " + settings.username() + " (" + scheme + ")";
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** The WS-Management OperationTimeout this shell sends. */
    Duration operationTimeout() {
        return settings.readTimeout().compareTo(maxOperationTimeout) < 0 ? settings.readTimeout() : maxOperationTimeout;
    }

    private Duration socketTimeout() {
        return operationTimeout().plus(SOCKET_GRACE);
    }

    private ConnectionOptions options(LoopbackHop tunnel) {
        ConnectionOptions options = new ConnectionOptions();
        if (tunnel instanceof NegotiatingHop negotiating) {
            // Only the shell knows the path: the hop signs nothing a local stranger sends.
            options.set(WINRM_CONTEXT, negotiating.context());
        }
        options.set(OPERATING_SYSTEM, OperatingSystemFamily.WINDOWS);
        options.set(CONNECTION_TYPE, CifsConnectionType.WINRM_INTERNAL);
        options.set(ADDRESS, settings.host());
        options.set(PORT, settings.port());
        options.set(USERNAME, settings.kerberos() ? NEGOTIATED_BY_THE_HOP : settings.username());
        options.set(PASSWORD, settings.kerberos() ? NEGOTIATED_BY_THE_HOP : settings.password());
        // TLS, when asked for, is the tunnel's: Overthere speaks HTTP to it on loopback.
        options.set(WINRM_ENABLE_HTTPS, false);
        options.set(WINRM_HTTPS_CERTIFICATE_TRUST_STRATEGY, WinrmHttpsCertificateTrustStrategy.STRICT);
        options.set(WINRM_HTTPS_HOSTNAME_VERIFICATION_STRATEGY, WinrmHttpsHostnameVerificationStrategy.STRICT);
        options.set(CONNECTION_TIMEOUT_MILLIS, Math.toIntExact(settings.connectTimeout().toMillis()));
        options.set(SOCKET_TIMEOUT_MILLIS, Math.toIntExact(socketTimeout().toMillis()));
        options.set(WINRM_TIMEMOUT, xsDuration(operationTimeout()));
        options.set(TEMPORARY_DIRECTORY_DELETE_ON_DISCONNECT, false);
        return options;
    }

    /** Basic goes through a relay of the suite's too, over HTTP as over HTTPS: it bounds what the server may answer. */
    private RelayHop openRelay(String hop) throws ShellException {
        Optional<TlsTrust> tls = settings.https() ? Optional.of(TlsTrust.of(settings.trust(), hop)) : Optional.empty();
        try {
            return RelayHop.open(new ServerDial(settings.host(), settings.port(), settings.connectTimeout(), socketTimeout(), tls));
        } catch (IOException e) {
            throw new ShellException(hop + ": cannot open the local hop (" + e.getMessage() + ")");
        }
    }

    /**
     * The TGT of the shell's one Kerberos login: logs in on the first run, and again only after a
     * login that failed without refusing the password (a KDC that could not be reached). Waits at
     * most until the run's deadline; a login still running then is kept, never started twice.
     */
    private Subject login(String hop, Instant deadline) throws ShellException {
        Future<Subject> attempt;
        synchronized (loginLock) {
            if (login == null || login.isDone() && !succeeded(login)) {
                login = threads.submit(() -> KerberosLogin.login(settings.principal(), settings.password()));
            }
            attempt = login;
        }
        try {
            return attempt.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ShellException(hop + ": could not verify the password of " + settings.principal() + ": no answer from the KDC of "
                    + settings.realm() + " within " + Durations.seconds(settings.readTimeout()) + " (read timeout)");
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof LoginException refused)) {
                throw new ShellException(hop + ": the Kerberos login of " + settings.principal() + " failed ("
                        + e.getCause().getClass().getSimpleName() + ")");
            }
            WinRmFailure failure = WinRmFailure.kerberosLogin(refused, settings.principal(), settings.realm());
            if (failure.credentialRefused()) {
                credentialRefused.set(true);
            }
            throw new ShellException(hop + ": " + failure.reason());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShellException(hop + ": interrupted while logging in to the KDC");
        }
    }

    private static boolean succeeded(Future<Subject> attempt) {
        try {
            attempt.get(0, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | InterruptedException | CancellationException e) {
            return false;
        }
    }

    /** The trust is read first: an unreadable trust store must not cost a login at the KDC. */
    private NegotiatingHop openNegotiatingHop(String hop, Instant deadline) throws ShellException {
        Optional<TlsTrust> tls = settings.https() ? Optional.of(TlsTrust.of(settings.trust(), hop)) : Optional.empty();
        Subject subject = login(hop, deadline);
        ServerDial dial = new ServerDial(settings.host(), settings.port(), settings.connectTimeout(), socketTimeout(), tls);
        try {
            return NegotiatingHop.open(dial, new SpnegoInitiator(subject, settings.host(), settings.delegation()), settings.principal());
        } catch (IOException e) {
            throw new ShellException(hop + ": cannot open the local hop (" + e.getMessage() + ")");
        }
    }

    private ShellException failure(String hop, Throwable cause, LoopbackHop tunnel, Duration elapsed) {
        WinRmFailure failure = WinRmFailure.reported(WinRmFailure.of(cause, settings, socketTimeout()), tunnel.failure());
        if (failure.credentialRefused()) {
            credentialRefused.set(true);
        }
        String reason = failure.reason();
        if (failure.serverFault() && elapsed.compareTo(operationTimeout()) >= 0) {
            reason += ", after " + Durations.seconds(elapsed)
                    + ": most likely w:TimedOut, which WinRM sends when a command writes nothing for the OperationTimeout ("
                    + Durations.seconds(operationTimeout()) + "); Overthere 5.3.2 does not receive again, so the script must"
                    + " write output more often";
        }
        return new ShellException(hop + ": " + reason);
    }

    @Override
    public boolean bringsCredential() {
        return bringsCredential;
    }

    /**
     * The command's lines, then, when it reads one, the password as base64 of its UTF-16LE bytes:
     * the console's code page 437 could not carry every character of a password, and the line
     * must not look like PowerShell to anything that reads the input.
     */
    private List<String> withCredentialLine(RemoteCommand command, String hop) throws ShellException {
        if (!command.credentialLine()) {
            return command.standardInput();
        }
        if (!bringsCredential) {
            throw new ShellException(hop + ": not sent, the command reads the audit account's credential but this shell was not set "
                    + "to bring it (exchange.management.secondHop: credential)");
        }
        List<String> lines = new java.util.ArrayList<>(command.standardInput());
        lines.add(java.util.Base64.getEncoder().encodeToString(settings.password().getBytes(java.nio.charset.StandardCharsets.UTF_16LE)));
        return lines;
    }

    private static List<byte[]> consoleInput(List<String> lines, String hop) throws ShellException {
        try {
            return ProcessExchange.encode(lines, CONSOLE);
        } catch (CharacterCodingException e) {
            throw new ShellException(hop + ": not sent, an input line has characters the remote console's code page 437"
                    + " cannot carry; send such text inside -EncodedCommand");
        }
    }

    /** An xs:duration in the form WinRM clients send, for example {@code PT60.000S}. */
    private static String xsDuration(Duration duration) {
        return "PT" + java.math.BigDecimal.valueOf(duration.toMillis(), 3).toPlainString() + "S";
    }
}
