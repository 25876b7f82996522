package uccx.compliance.collector.shell;

import com.xebialabs.overthere.spi.AddressPortMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;

/**
 * Carries Overthere's WinRM traffic for Basic, byte for byte, over TLS that this suite verifies
 * itself or over plain TCP (a Kerberos run goes through {@link NegotiatingHop}).
 *
 * <p>Why TLS here: Overthere 5.3.2 builds its HTTPS context from the JVM's default trust store
 * plus an enum (STRICT, SELF_SIGNED, ALLOW_ALL); it takes no KeyStore, SSLContext or socket
 * factory (the one an {@link AddressPortMapper} offers is never used). A trust store or a pinned
 * fingerprint can only be enforced without JVM-wide state by owning the TLS connection. So
 * Overthere speaks HTTP to this hop on a loopback port, and the hop opens the TLS connection to
 * the server with the suite's own {@link TlsTrust}: the certificate is verified on the very
 * connection that carries the credentials, and nothing is forwarded before the handshake succeeded.
 *
 * <p>Why over plain HTTP too: Overthere reads each answer whole into memory, so the only place
 * to bound what a server may send is a hop of the suite's ({@link LoopbackHop#MAX_ANSWER_BYTES}).
 */
final class RelayHop extends LoopbackHop {

    private static final int BUFFER = 16 * 1024;

    private RelayHop(ServerDial dial) throws IOException {
        super(dial, dial.tls().isPresent() ? "winrm-tls" : "winrm-relay");
    }

    /** @param dial with TLS for HTTPS, without for HTTP */
    static RelayHop open(ServerDial dial) throws IOException {
        RelayHop hop = new RelayHop(dial);
        hop.start();
        return hop;
    }

    @Override
    void carry(Socket local) {
        byte[] first = new byte[BUFFER];
        int n;
        try {
            local.setSoTimeout(Math.toIntExact(dial().readTimeout().toMillis()));
            n = local.getInputStream().read(first);
        } catch (IOException silent) {
            return;
        }
        if (n < 0) {
            return;
        }
        Optional<Socket> opened = dialServer();
        if (opened.isEmpty()) {
            return;
        }
        Socket server = opened.get();
        try {
            server.getOutputStream().write(first, 0, n);
            server.getOutputStream().flush();
            local.setSoTimeout(0);
        } catch (IOException ended) {
            release(server);
            return;
        }
        execute(() -> toServer(local, server));
        fromServer(server, local);
    }

    /** Overthere's request, as it comes; it ends when Overthere closes its side. */
    private void toServer(Socket local, Socket server) {
        try (InputStream in = local.getInputStream(); OutputStream out = server.getOutputStream()) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // One side closed: the exchange is over.
        } finally {
            release(local);
            release(server);
        }
    }

    /** The server's answer, at most {@link #MAX_ANSWER_BYTES}; past that both sides are closed. */
    private void fromServer(Socket server, Socket local) {
        try (InputStream in = server.getInputStream(); OutputStream out = local.getOutputStream()) {
            byte[] buffer = new byte[BUFFER];
            long relayed = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (relayed + n > MAX_ANSWER_BYTES) {
                    fail(answerOverBound());
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
                relayed += n;
            }
        } catch (SocketTimeoutException e) {
            fail(noAnswerWithin(dial().readTimeout()));
        } catch (IOException ended) {
            // One side closed: the exchange is over.
        } finally {
            release(server);
            release(local);
        }
    }
}
