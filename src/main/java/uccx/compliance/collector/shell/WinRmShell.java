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
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_ENABLE_HTTPS;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_HTTPS_CERTIFICATE_TRUST_STRATEGY;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_HTTPS_HOSTNAME_VERIFICATION_STRATEGY;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_KERBEROS_ADD_PORT_TO_SPN;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_KERBEROS_DEBUG;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_KERBEROS_TICKET_CACHE;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_KERBEROS_USE_HTTP_SPN;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_TIMEMOUT;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_USE_CANONICAL_HOSTNAME;
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
import com.xebialabs.overthere.util.DefaultAddressPortMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * Overthere uses Kerberos when the user name has an {@code @} ({@code user@REALM}) and Basic
 * otherwise. WinRM's Basic accepts local accounts only, so against a real Exchange organisation
 * it is Kerberos; the lab uses Basic over HTTP with per-run credentials. Kerberos settings:
 * <ul>
 *   <li>SPN {@code WSMAN/<host>} ({@code winrmKerberosUseHttpSpn=false}): the WinRM service's own
 *       SPN, which avoids taking a ticket for an IIS application pool's {@code HTTP/} SPN on an
 *       Exchange server; no port in the SPN ({@code winrmKerberosAddPortToSpn=false}), as Windows
 *       registers it; the host name as configured ({@code winrmUseCanonicalHostname=false}).</li>
 *   <li>The password is used for a fresh JAAS login ({@code winrmKerberosTicketCache=false}), so
 *       the runner's own ticket cache is never borrowed.</li>
 *   <li>Delegation: Overthere always asks GSS for credential delegation. A ticket is only
 *       forwarded when the TGT is forwardable ({@code forwardable = true} in krb5.conf) and the
 *       server's account is trusted for delegation in AD. The collector's script needs that second
 *       hop to read other servers and AD; the forwarded TGT is usable by whoever controls that
 *       server, so the audit account must hold read rights only.</li>
 *   <li>Use HTTPS with Kerberos: Overthere does not implement WinRM message encryption, so plain
 *       HTTP needs {@code AllowUnencrypted=true} on the server.</li>
 * </ul>
 *
 * <h2>HTTPS</h2>
 * Verified by {@link Trust} on a connection this class owns ({@link TlsTunnel}), because
 * Overthere cannot be given a trust store, an SSLContext or a pin without JVM-wide state.
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
 * After a refused password this shell sends nothing more with it.
 */
public final class WinRmShell implements ManagementShell {

    /** WinRM's default MaxTimeoutms. */
    static final Duration MAX_OPERATION_TIMEOUT = Duration.ofSeconds(60);
    /** How long after the OperationTimeout a socket may stay silent: the server's TimedOut fault needs a moment to arrive. */
    static final Duration SOCKET_GRACE = Duration.ofSeconds(5);
    /** The code page Overthere opens shells with (WINRS_CODEPAGE 437): what the console reads and writes. */
    static final Charset CONSOLE = Charset.forName("IBM437");

    private final WinRmSettings settings;
    private final ExecutorService threads;
    private final AtomicBoolean credentialRefused = new AtomicBoolean();
    private final Duration maxOperationTimeout;
    private final boolean bringsCredential;

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
        Optional<TlsTunnel> tunnel = settings.https() ? Optional.of(openTunnel(hop)) : Optional.empty();
        AddressPortMapper mapper = tunnel.<AddressPortMapper>map(t -> t).orElseGet(DefaultAddressPortMapper::new);
        OverthereConnection connection;
        try {
            connection = new CifsConnectionBuilder(CIFS_PROTOCOL, options(), mapper).connect();
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
            throw failure(hop, e.getCause(), tunnel, Duration.between(begun, Instant.now()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShellException(hop + ": interrupted while waiting for the command");
        }
    }

    @Override
    public String describe() {
        String scheme = settings.kerberos() ? "Kerberos, delegation requested" : "Basic";
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

    private ConnectionOptions options() {
        ConnectionOptions options = new ConnectionOptions();
        options.set(OPERATING_SYSTEM, OperatingSystemFamily.WINDOWS);
        options.set(CONNECTION_TYPE, CifsConnectionType.WINRM_INTERNAL);
        options.set(ADDRESS, settings.host());
        options.set(PORT, settings.port());
        options.set(USERNAME, settings.username());
        options.set(PASSWORD, settings.password());
        // TLS, when asked for, is the tunnel's: Overthere speaks HTTP to it on loopback.
        options.set(WINRM_ENABLE_HTTPS, false);
        options.set(WINRM_HTTPS_CERTIFICATE_TRUST_STRATEGY, WinrmHttpsCertificateTrustStrategy.STRICT);
        options.set(WINRM_HTTPS_HOSTNAME_VERIFICATION_STRATEGY, WinrmHttpsHostnameVerificationStrategy.STRICT);
        options.set(CONNECTION_TIMEOUT_MILLIS, Math.toIntExact(settings.connectTimeout().toMillis()));
        options.set(SOCKET_TIMEOUT_MILLIS, Math.toIntExact(socketTimeout().toMillis()));
        options.set(WINRM_TIMEMOUT, xsDuration(operationTimeout()));
        options.set(WINRM_KERBEROS_USE_HTTP_SPN, false);
        options.set(WINRM_KERBEROS_ADD_PORT_TO_SPN, false);
        options.set(WINRM_USE_CANONICAL_HOSTNAME, false);
        options.set(WINRM_KERBEROS_TICKET_CACHE, false);
        options.set(WINRM_KERBEROS_DEBUG, false);
        options.set(TEMPORARY_DIRECTORY_DELETE_ON_DISCONNECT, false);
        return options;
    }

    private TlsTunnel openTunnel(String hop) throws ShellException {
        TlsTrust trust = TlsTrust.of(settings.trust(), hop);
        try {
            return TlsTunnel.open(settings.host(), settings.port(), settings.connectTimeout(), socketTimeout(), trust);
        } catch (IOException e) {
            throw new ShellException(hop + ": cannot open the local TLS tunnel (" + e.getMessage() + ")");
        }
    }

    private ShellException failure(String hop, Throwable cause, Optional<TlsTunnel> tunnel, Duration elapsed) {
        Optional<String> tunnelFailure = tunnel.flatMap(TlsTunnel::failure);
        if (tunnelFailure.isPresent()) {
            return new ShellException(hop + ": " + tunnelFailure.get());
        }
        WinRmFailure failure = WinRmFailure.of(cause, settings, socketTimeout());
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
