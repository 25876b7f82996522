package uccx.compliance.probes;

import java.security.cert.X509Certificate;
import uccx.compliance.tls.ServerTrustManager;
import uccx.compliance.tls.PresentedCertificate;

/** Accepts any server certificate; built only for {@link MailTrust.LabTrustAll}, which only a lab can ask for. */
final class LabTrustAllManager extends ServerTrustManager {

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
}
