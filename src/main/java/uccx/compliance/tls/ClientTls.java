package uccx.compliance.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The client side of TLS to one server, in its own SSLContext so that nothing JVM-wide changes:
 * which certificates it accepts, whether the certificate must name the host, and the certificate
 * the server presented, for messages. The WinRM shell and the mail probes both build theirs here.
 */
public final class ClientTls {

    private final SSLContext context;
    private final boolean verifyHostname;
    private final PresentedCertificate presented = new PresentedCertificate();

    private ClientTls(Function<PresentedCertificate, TrustManager> manager, boolean verifyHostname) throws GeneralSecurityException {
        this.verifyHostname = verifyHostname;
        context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {manager.apply(presented)}, null);
    }

    /** The client side a {@link Trust} asks for; a trust store is read here, the only place. */
    public static ClientTls of(Trust trust) throws GeneralSecurityException, java.io.IOException {
        if (trust instanceof Trust.PinnedSha256 pin) {
            return pinned(pin.digest());
        }
        if (trust instanceof Trust.TrustStore store) {
            KeyStore anchors = KeyStore.getInstance(store.file().toFile(), store.password() == null ? null : store.password().toCharArray());
            if (!holdsACertificate(anchors)) {
                // A PKCS12 store as the JDK (keytool, KeyStore.store) and Windows' export write it encrypts its certificates
                // with the store's password: read without one it opens and holds nothing, and every server would be
                // "not trusted" although the admin put its certificate there.
                throw new java.security.KeyStoreException("the trust store " + store.file() + " holds no certificate that can be "
                        + "read " + (store.password() == null ? "without a password (a PKCS12 store encrypts its certificates "
                        + "with its password: export the certificate into a JKS store, or pin it with certificateSha256)"
                        : "with the password given"));
            }
            return anchoredIn(anchors);
        }
        return anchoredIn(null);
    }

    private static boolean holdsACertificate(KeyStore store) throws java.security.KeyStoreException {
        for (var aliases = store.aliases(); aliases.hasMoreElements(); ) {
            if (store.getCertificate(aliases.nextElement()) != null) {
                return true;
            }
        }
        return false;
    }

    /** Only the certificate with this SHA-256 digest; a pin names one certificate, so host names are not checked. */
    public static ClientTls pinned(byte[] sha256) throws GeneralSecurityException {
        return new ClientTls(presented -> new PinnedTrustManager(sha256, presented), false);
    }

    /** Certificates issued by the anchors in {@code trustStore} (the JVM's default ones when null), naming the host. */
    public static ClientTls anchoredIn(KeyStore trustStore) throws GeneralSecurityException {
        var pkix = Pkix.trustManager(trustStore);
        return new ClientTls(presented -> new RecordingTrustManager(pkix, presented), true);
    }

    /** Layers TLS over a connected socket, with SNI and, unless pinned, HTTPS host name verification; no handshake yet. */
    public SSLSocket wrap(Socket connected, String host, int port) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(connected, host, port, true);
        if (verifyHostname) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
        }
        return tls;
    }

    public SSLSocketFactory socketFactory() {
        return context.getSocketFactory();
    }

    public boolean verifiesHostname() {
        return verifyHostname;
    }

    /** The certificate the server presented in the last handshake, for messages. */
    public Optional<String> presentedCertificate() {
        return presented.describe();
    }
}
