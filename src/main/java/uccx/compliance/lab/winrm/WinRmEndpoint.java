package uccx.compliance.lab.winrm;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lab's WinRM service: a WS-Management listener on a free loopback port that answers
 * Overthere's WinRM client (and any WinRS client) the way the WinRM service of an Exchange 2010
 * server does, running a {@link RemoteProgram} in place of each command. It keeps what a run's
 * final checks need: the commands received, failed logins, and violations of Windows' limits.
 */
public final class WinRmEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final WsmanService service;
    private final EndpointJournal journal;
    private final Optional<LabCertificate> certificate;
    private final URI uri;

    private WinRmEndpoint(HttpServer server, ExecutorService executor, WsmanService service, EndpointJournal journal,
                          Optional<LabCertificate> certificate, URI uri) {
        this.server = server;
        this.executor = executor;
        this.service = service;
        this.journal = journal;
        this.certificate = certificate;
        this.uri = uri;
    }

    /** Starts listening on 127.0.0.1 on a free port. */
    public static WinRmEndpoint start(WinRmEndpointSettings settings, RemotePrograms programs) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        Optional<LabCertificate> certificate = settings.https() ? Optional.of(LabCertificate.generate()) : Optional.empty();
        HttpServer server;
        if (certificate.isPresent()) {
            HttpsServer https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(certificate.get().serverContext()));
            server = https;
        } else {
            server = HttpServer.create(loopback, 0);
        }
        URI uri = URI.create((settings.https() ? "https" : "http") + "://" + loopback.getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + WsmanHandler.PATH);
        Optional<KerberosAcceptor> kerberos = settings.kerberos().isPresent()
                ? Optional.of(KerberosAcceptor.login(settings.kerberos().get())) : Optional.empty();
        EndpointJournal journal = new EndpointJournal();
        WsmanService service = new WsmanService(uri, programs, journal);
        server.createContext(WsmanHandler.PATH, new WsmanHandler(settings.username(), settings.password(), settings.latency(),
                settings.fault(), kerberos, service, journal, "localhost"));
        // A Receive holds its thread while it waits for output, so threads are not pooled to a fixed count.
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads("lab-winrm-" + uri.getPort()));
        server.setExecutor(executor);
        server.start();
        return new WinRmEndpoint(server, executor, service, journal, certificate, uri);
    }

    /** For example {@code http://127.0.0.1:51234/wsman}. */
    public URI uri() {
        return uri;
    }

    public int port() {
        return uri.getPort();
    }

    /** Every WinRM Command received, refused ones included. */
    public int commandsReceived() {
        return journal.commands();
    }

    /**
     * Send requests received: each carries a piece of a command's standard input and costs a round
     * trip, so a client that sends its input in many small pieces pays for each.
     */
    public int sendsReceived() {
        return journal.sends();
    }

    /** The command lines received, in order, as cmd.exe runs them (after its quote rule). */
    public List<String> commandLines() {
        return journal.commandLines();
    }

    /** Requests that carried wrong Basic credentials or a Negotiate token that was not accepted (an unauthenticated first request is a challenge, not a failure). */
    public int failedAuthentications() {
        return journal.failedAuthentications();
    }

    /** Requests that carried an {@code Authorization: Negotiate} token, accepted or not. */
    public int negotiateTokensReceived() {
        return journal.negotiateTokens();
    }

    /** Each accepted Kerberos logon, one per request, with whether the client's TGT came with it. */
    public List<Logon> kerberosLogons() {
        return journal.kerberosLogons();
    }

    /** What the suite did that a real Windows server would have refused or that breaks its own rules. */
    public List<String> violations() {
        return journal.violations();
    }

    /** SHA-256 of the HTTPS certificate, lower-case hex pairs separated by colons. */
    public String certificateSha256() {
        return certificate().sha256();
    }

    /** A PKCS12 trust store holding the HTTPS certificate. */
    public KeyStore trustStore() {
        return certificate().trustStore();
    }

    private LabCertificate certificate() {
        return certificate.orElseThrow(() -> new IllegalStateException("this endpoint serves plain HTTP: it has no certificate"));
    }

    /** Stops listening, ends waiting requests and stops every thread the endpoint started. */
    @Override
    public void close() {
        service.close();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
