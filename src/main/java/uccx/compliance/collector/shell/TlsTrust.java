package uccx.compliance.collector.shell;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import uccx.compliance.tls.ClientTls;
import uccx.compliance.tls.Trust;

/**
 * The TLS client side of one WinRM endpoint, built from {@link Trust} in its own
 * SSLContext: nothing JVM-wide (no javax.net.ssl.* properties, no default SSLContext) changes.
 */
final class TlsTrust {

    private final ClientTls client;
    private final String anchors;

    private TlsTrust(Trust settings) throws GeneralSecurityException, IOException {
        client = ClientTls.of(settings);
        anchors = settings instanceof Trust.PinnedSha256 ? "the pinned fingerprint"
                : settings instanceof Trust.TrustStore file ? "the trust store " + file.file() : "the JVM's default trust store";
    }

    /** @throws ShellException when a trust store cannot be read; the message names the file, never its password */
    static TlsTrust of(Trust settings, String hop) throws ShellException {
        try {
            return new TlsTrust(settings);
        } catch (IOException | GeneralSecurityException e) {
            String what = settings instanceof Trust.TrustStore file ? "the trust store " + file.file() : "TLS";
            throw new ShellException(hop + ": cannot read " + what + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    /** Layers TLS over a connected socket, with SNI and, unless pinned, HTTPS host name verification. */
    SSLSocket wrap(Socket connected, String host, int port) throws IOException {
        return client.wrap(connected, host, port);
    }

    /** Why a handshake failed, for example {@code TLS certificate not trusted (SHA-256 ab:cd... does not match the pinned fingerprint)}. */
    String explain(SSLException failure) {
        CertificateException refused = causeOf(failure);
        String certificate = client.presentedCertificate().orElse("no certificate seen");
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
