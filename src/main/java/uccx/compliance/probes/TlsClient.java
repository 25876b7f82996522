package uccx.compliance.probes;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import uccx.compliance.tls.PinnedTrustManager;
import uccx.compliance.tls.Pkix;
import uccx.compliance.tls.PresentedCertificate;
import uccx.compliance.tls.RecordingTrustManager;

/**
 * The TLS side of one probe, in its own SSLContext so that nothing JVM-wide changes, built with
 * the same trust managers as the WinRM shell.
 */
final class TlsClient {

    private final SSLContext context;
    private final boolean verifyHostname;
    private final PresentedCertificate presented = new PresentedCertificate();

    private TlsClient(MailTrust trust) throws GeneralSecurityException, IOException {
        TrustManager manager;
        if (trust instanceof MailTrust.PinnedSha256 pin) {
            manager = new PinnedTrustManager(pin.digest(), presented);
            verifyHostname = false;
        } else if (trust instanceof MailTrust.TrustStore store) {
            manager = new RecordingTrustManager(Pkix.trustManager(KeyStore.getInstance(store.file().toFile(), (char[]) null)), presented);
            verifyHostname = true;
        } else if (trust instanceof MailTrust.LabTrustAll) {
            manager = new LabTrustAllManager(presented);
            verifyHostname = false;
        } else {
            manager = new RecordingTrustManager(Pkix.trustManager(null), presented);
            verifyHostname = true;
        }
        context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {manager}, null);
    }

    /** @throws ProbeException when a trust store cannot be read; the message names the file */
    static TlsClient of(MailTrust trust) throws ProbeException {
        try {
            return new TlsClient(trust);
        } catch (IOException | GeneralSecurityException e) {
            String what = trust instanceof MailTrust.TrustStore store ? "the trust store " + store.file() : "TLS";
            throw new ProbeException("cannot read " + what + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    SSLSocketFactory socketFactory() {
        return context.getSocketFactory();
    }

    /** Whether the certificate must name the host; a pin or a lab's trust-all does not check names. */
    boolean verifiesHostname() {
        return verifyHostname;
    }

    /** Layers TLS over a connected socket (implicit TLS or after STARTTLS) and completes the handshake. */
    SSLSocket wrap(Socket connected, String host, int port) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(connected, host, port, true);
        if (verifyHostname) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
        }
        tls.startHandshake();
        return tls;
    }

    /** Why a handshake failed, naming the certificate the server presented. */
    String explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateException refused) {
                return "TLS certificate not trusted (" + presented.describe().orElse("no certificate seen") + ": "
                        + refused.getMessage() + ")";
            }
        }
        return failure instanceof SSLException ? "TLS handshake failed (" + failure.getMessage() + ")" : String.valueOf(failure.getMessage());
    }
}
