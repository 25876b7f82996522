package uccx.compliance.collector.shell;

import com.xebialabs.overthere.spi.AddressPortMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import uccx.compliance.environment.Durations;

/**
 * Carries Overthere's WinRM traffic over TLS that this suite verifies itself.
 *
 * <p>Why: Overthere 5.3.2 builds its HTTPS context from the JVM's default trust store plus an
 * enum (STRICT, SELF_SIGNED, ALLOW_ALL); it takes no KeyStore, SSLContext or socket factory (the
 * one an {@link AddressPortMapper} offers is never used). A trust store or a pinned fingerprint
 * can only be enforced without JVM-wide state by owning the TLS connection. So Overthere speaks
 * HTTP to this tunnel on a loopback port, and the tunnel opens the TLS connection to the server
 * with the suite's own {@link TlsTrust}: the certificate is verified on the very connection that
 * carries the credentials, and nothing is forwarded before the handshake succeeded.
 *
 * <p>The tunnel is mapped as {@code localhost}: Overthere's Kerberos code then asks for a ticket
 * for the real host name (it treats {@code localhost} as a tunnel and uses the unmapped address).
 */
final class TlsTunnel implements AddressPortMapper {

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final TlsTrust trust;
    private final ServerSocket listener;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> failure = new AtomicReference<>();

    private TlsTunnel(String host, int port, Duration connectTimeout, Duration readTimeout, TlsTrust trust, ServerSocket listener) {
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.trust = trust;
        this.listener = listener;
        this.threads = Executors.newCachedThreadPool(DaemonThreads.named("winrm-tls-" + host));
    }

    /** Listens on the loopback address that {@code localhost} resolves to, on a free port. */
    static TlsTunnel open(String host, int port, Duration connectTimeout, Duration readTimeout, TlsTrust trust) throws IOException {
        InetAddress localhost = InetAddress.getByName("localhost");
        if (!localhost.isLoopbackAddress()) {
            throw new IOException("'localhost' resolves to " + localhost + ", not to a loopback address");
        }
        ServerSocket listener = new ServerSocket(0, 50, localhost);
        TlsTunnel tunnel = new TlsTunnel(host, port, connectTimeout, readTimeout, trust, listener);
        tunnel.threads.execute(tunnel::accept);
        return tunnel;
    }

    /** The server's address becomes the tunnel's; anything else (Overthere also maps the unused SMB port) is left alone. */
    @Override
    public InetSocketAddress map(InetSocketAddress address) {
        if (address.getHostString().equals(host) && address.getPort() == port) {
            return InetSocketAddress.createUnresolved("localhost", listener.getLocalPort());
        }
        return address;
    }

    @Override
    public SocketFactory socketFactory() {
        return SocketFactory.getDefault();
    }

    /** Why the tunnel last dropped a connection, for example {@code connection refused}. */
    Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public void close() {
        closeQuietly(listener);
        open.forEach(TlsTunnel::closeQuietly);
        threads.shutdownNow();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket local = listener.accept();
                open.add(local);
                threads.execute(() -> bridge(local));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void bridge(Socket local) {
        Socket raw = new Socket();
        open.add(raw);
        try {
            raw.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
            SSLSocket tls = trust.wrap(raw, host, port);
            open.add(tls);
            tls.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            tls.startHandshake();
            threads.execute(() -> pump(local, tls, false));
            pump(tls, local, true);
        } catch (SocketTimeoutException e) {
            failure.set("no connection within " + Durations.seconds(connectTimeout) + " (connect timeout)");
        } catch (ConnectException e) {
            failure.set(e.getMessage() != null && e.getMessage().contains("refused") ? "connection refused" : "cannot connect (" + e.getMessage() + ")");
        } catch (UnknownHostException e) {
            failure.set("unknown host " + host);
        } catch (SSLException e) {
            failure.set(trust.explain(e));
        } catch (IOException e) {
            failure.set("cannot connect (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        } finally {
            closeQuietly(local);
            closeQuietly(raw);
            open.remove(local);
            open.remove(raw);
        }
    }

    /** Copies one direction until it ends, then closes both sides so the other direction ends too. */
    private void pump(Socket from, Socket to, boolean fromServer) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (SocketTimeoutException e) {
            if (fromServer) {
                failure.set("no answer within " + Durations.seconds(readTimeout) + " (read timeout)");
            }
        } catch (IOException ended) {
            // One side closed: the exchange is over.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Closing is best effort: the socket is gone either way.
        }
    }
}
