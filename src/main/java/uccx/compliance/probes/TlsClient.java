package uccx.compliance.probes;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import uccx.compliance.tls.ClientTls;
import uccx.compliance.tls.Trust;

/**
 * The TLS side of one probe, in its own SSLContext so that nothing JVM-wide changes, built with
 * the same trust managers as the WinRM shell.
 */
final class TlsClient {

    private final ClientTls client;

    private TlsClient(Trust trust) throws GeneralSecurityException, IOException {
        client = ClientTls.of(trust);
    }

    /** @throws ProbeException when a trust store cannot be read; the message names the file */
    static TlsClient of(Trust trust) throws ProbeException {
        try {
            return new TlsClient(trust);
        } catch (IOException | GeneralSecurityException e) {
            String what = trust instanceof Trust.TrustStore store ? "the trust store " + store.file() : "TLS";
            throw new ProbeException("cannot read " + what + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    SSLSocketFactory socketFactory() {
        return client.socketFactory();
    }

    /** Whether the certificate must name the host; a pin or a lab's trust-all does not check names. */
    boolean verifiesHostname() {
        return client.verifiesHostname();
    }

    /** Layers TLS over a connected socket (implicit TLS or after STARTTLS) and completes the handshake. */
    SSLSocket wrap(Socket connected, String host, int port) throws IOException {
        SSLSocket tls = client.wrap(connected, host, port);
        tls.startHandshake();
        return tls;
    }

    /** Why a handshake failed, naming the certificate the server presented. */
    String explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateException refused) {
                return "TLS certificate not trusted (" + client.presentedCertificate().orElse("no certificate seen") + ": "
                        + refused.getMessage() + ")";
            }
        }
        return failure instanceof SSLException ? "TLS handshake failed (" + failure.getMessage() + ")" : String.valueOf(failure.getMessage());
    }
}
