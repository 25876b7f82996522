package uccx.compliance.collector.shell;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import uccx.compliance.tls.PinnedTrustManager;
import uccx.compliance.tls.Pkix;
import uccx.compliance.tls.PresentedCertificate;
import uccx.compliance.tls.RecordingTrustManager;

/**
 * The TLS client side of one WinRM endpoint, built from {@link TrustSettings} in its own
 * SSLContext: nothing JVM-wide (no javax.net.ssl.* properties, no default SSLContext) changes.
 */
final class TlsTrust {

    private final SSLContext context;
    private final boolean verifyHostname;
    private final String anchors;
    private final PresentedCertificate presented = new PresentedCertificate();

    private TlsTrust(TrustSettings settings) throws GeneralSecurityException, IOException {
        TrustManager manager;
        if (settings instanceof TrustSettings.PinnedSha256 pin) {
            manager = new PinnedTrustManager(pin.digest(), presented);
            verifyHostname = false;
            anchors = "the pinned fingerprint";
        } else if (settings instanceof TrustSettings.TrustStoreFile file) {
            char[] password = file.password() == null ? null : file.password().toCharArray();
            manager = new RecordingTrustManager(Pkix.trustManager(KeyStore.getInstance(file.file().toFile(), password)), presented);
            verifyHostname = true;
            anchors = "the trust store " + file.file();
        } else {
            manager = new RecordingTrustManager(Pkix.trustManager(null), presented);
            verifyHostname = true;
            anchors = "the JVM's default trust store";
        }
        context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {manager}, null);
    }

    /** @throws ShellException when a trust store cannot be read; the message names the file, never its password */
    static TlsTrust of(TrustSettings settings, String hop) throws ShellException {
        try {
            return new TlsTrust(settings);
        } catch (IOException | GeneralSecurityException e) {
            String what = settings instanceof TrustSettings.TrustStoreFile file ? "the trust store " + file.file() : "TLS";
            throw new ShellException(hop + ": cannot read " + what + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    /** Layers TLS over a connected socket, with SNI and, unless pinned, HTTPS host name verification. */
    SSLSocket wrap(Socket connected, String host, int port) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(connected, host, port, true);
        if (verifyHostname) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
        }
        return tls;
    }

    /** Why a handshake failed, for example {@code TLS certificate not trusted (SHA-256 ab:cd... does not match the pinned fingerprint)}. */
    String explain(SSLException failure) {
        CertificateException refused = causeOf(failure);
        String certificate = presented.describe().orElse("no certificate seen");
        if (refused == null) {
            return "TLS handshake failed (" + failure.getMessage() + ")";
        }
        if (refused.getMessage() != null && refused.getMessage().contains("pinned fingerprint")) {
            return "TLS certificate not trusted (" + refused.getMessage() + ")";
        }
        if (refused.getMessage() != null && refused.getMessage().startsWith("No ")) {
            return "TLS certificate does not name this host (" + certificate + ": " + refused.getMessage() + ")";
        }
        return "TLS certificate not trusted (" + certificate + ", is not trusted by " + anchors + ")";
    }

    private static CertificateException causeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateException c) {
                return c;
            }
        }
        return null;
    }
}
