package uccx.compliance.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The last certificate a server presented, to name it when it is refused. */
public final class PresentedCertificate {

    private final AtomicReference<X509Certificate> last = new AtomicReference<>();

    public void record(X509Certificate certificate) {
        last.set(certificate);
    }

    /** For example {@code SHA-256 ab:cd:..., CN=exch01.corp.example.com}. */
    public Optional<String> describe() {
        X509Certificate certificate = last.get();
        if (certificate == null) {
            return Optional.empty();
        }
        try {
            return Optional.of("SHA-256 " + PinnedTrustManager.hex(PinnedTrustManager.sha256(certificate)) + ", "
                    + certificate.getSubjectX500Principal().getName());
        } catch (CertificateException e) {
            return Optional.of(certificate.getSubjectX500Principal().getName());
        }
    }
}
