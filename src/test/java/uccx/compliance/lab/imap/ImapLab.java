package uccx.compliance.lab.imap;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.OptionalInt;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import uccx.compliance.lab.winrm.LabCertificate;

/** The test account and certificate of one test class, and settings built from them. */
final class ImapLab {

    static final String ACCOUNT = "LAB\\uccx-email";
    static final String PASSWORD = "Secret-for-this-test-1";
    static final Credentials CREDENTIALS = new Credentials(List.of(ACCOUNT, "uccx-email", "uccx-email@lab.example.com"), PASSWORD);

    final LabCertificate certificate = LabCertificate.generate();

    ImapEndpointSettings settings(LoginType loginType, int perUser, int storeLimit) {
        return ImapEndpointSettings.exchange2010("EXCH01", new StoreSessions(storeLimit), CREDENTIALS, certificate.serverContext())
                .withLoginType(loginType)
                .withLimits(OptionalInt.of(perUser), OptionalInt.of(2000), OptionalInt.of(2400));
    }

    /** A client context that trusts only this run's certificate, as an admin's trust store would. */
    SSLContext clientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(certificate.trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String plain(String user, String password) {
        return java.util.Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
