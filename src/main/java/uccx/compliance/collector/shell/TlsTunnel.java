package uccx.compliance.collector.shell;

import com.xebialabs.overthere.spi.AddressPortMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import uccx.compliance.environment.Durations;

/**
 * Carries Overthere's WinRM traffic over TLS that this suite verifies itself (Basic runs; a
 * Kerberos run goes through {@link NegotiatingHop}, which does the same TLS).
 *
 * <p>Why: Overthere 5.3.2 builds its HTTPS context from the JVM's default trust store plus an
 * enum (STRICT, SELF_SIGNED, ALLOW_ALL); it takes no KeyStore, SSLContext or socket factory (the
 * one an {@link AddressPortMapper} offers is never used). A trust store or a pinned fingerprint
 * can only be enforced without JVM-wide state by owning the TLS connection. So Overthere speaks
 * HTTP to this tunnel on a loopback port, and the tunnel opens the TLS connection to the server
 * with the suite's own {@link TlsTrust}: the certificate is verified on the very connection that
 * carries the credentials, and nothing is forwarded before the handshake succeeded.
 */
final class TlsTunnel extends LoopbackHop {

    private TlsTunnel(ServerDial dial) throws IOException {
        super(dial, "winrm-tls");
    }

    static TlsTunnel open(String host, int port, Duration connectTimeout, Duration readTimeout, TlsTrust trust) throws IOException {
        TlsTunnel tunnel = new TlsTunnel(new ServerDial(host, port, connectTimeout, readTimeout, Optional.of(trust)));
        tunnel.start();
        return tunnel;
    }

    @Override
    void carry(Socket local, Socket server) {
        execute(() -> pump(local, server, false));
        pump(server, local, true);
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
                fail(new WinRmFailure("no answer within " + Durations.seconds(dial().readTimeout()) + " (read timeout)", false));
            }
        } catch (IOException ended) {
            // One side closed: the exchange is over.
        } finally {
            release(from);
            release(to);
        }
    }
}
