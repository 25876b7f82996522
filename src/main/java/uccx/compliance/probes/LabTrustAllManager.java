package uccx.compliance.probes;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import uccx.compliance.tls.PresentedCertificate;

/** Accepts any server certificate; built only for {@link MailTrust.LabTrustAll}, which only a lab can ask for. */
final class LabTrustAllManager extends X509ExtendedTrustManager {

    private final PresentedCertificate presented;

    LabTrustAllManager(PresentedCertificate presented) {
        this.presented = presented;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        if (chain != null && chain.length > 0) {
            presented.record(chain[0]);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a probe does not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
