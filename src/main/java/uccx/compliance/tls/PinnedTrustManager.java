package uccx.compliance.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * Accepts exactly the server certificate whose SHA-256 is pinned. Chain and name are not
 * checked: the pin names the very certificate, which is what an admin who exports it means.
 */
public final class PinnedTrustManager extends ServerTrustManager {

    private final byte[] pinned;
    private final PresentedCertificate presented;

    public PinnedTrustManager(byte[] pinned, PresentedCertificate presented) {
        this.pinned = pinned.clone();
        this.presented = presented;
    }

    public static byte[] sha256(X509Certificate certificate) throws CertificateException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new CertificateException("SHA-256 is missing from the JDK", e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.ofDelimiter(":").formatHex(digest);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        presented.record(chain[0]);
        byte[] actual = sha256(chain[0]);
        if (!MessageDigest.isEqual(pinned, actual)) {
            throw new CertificateException("SHA-256 " + hex(actual) + " does not match the pinned fingerprint");
        }
    }
}
