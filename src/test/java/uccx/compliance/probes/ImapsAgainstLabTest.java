package uccx.compliance.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uccx.compliance.environment.ImapSecurity;
import uccx.compliance.lab.imap.ImapEndpoint;
import uccx.compliance.lab.imap.LoginType;
import uccx.compliance.tls.Trust;

/**
 * The probes over implicit TLS (IMAPS, as on port 993) against the lab's self-signed certificate
 * made for the run: trusted when pinned or in the admin's trust store, refused otherwise, and
 * refused before a password is sent.
 */
class ImapsAgainstLabTest {

    private final LabImap lab = new LabImap();
    private ImapEndpoint imaps;

    @BeforeEach
    void start() throws IOException {
        imaps = ImapEndpoint.start(lab.settings(LoginType.SecureLogin, 16, 16).withImplicitTls(true));
    }

    @AfterEach
    void stop() {
        if (imaps != null) {
            imaps.close();
        }
    }

    private MailTarget imaps(Trust trust) {
        return new MailTarget("127.0.0.1", imaps.port(), ImapSecurity.SSL, trust, Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void thePinnedCertificateIsTrusted() {
        MailTarget pinned = imaps(Trust.pinnedSha256(lab.certificate.sha256()));

        DualLoginResult dual = new DualLogin(pinned, new CredentialGuard()).run(Targets.credentials(Targets.PASSWORD));
        LoginMechanismResult mechanisms = new LoginMechanism(pinned, false).probe();

        assertThat(dual.outcome()).as(dual.detail()).isEqualTo(DualLoginResult.Outcome.BOTH_LOGGED_IN);
        assertThat(dual.transcript()).doesNotContain(Targets.PASSWORD);
        assertThat(mechanisms.outcome()).as(mechanisms.detail()).isEqualTo(LoginMechanismResult.Outcome.USABLE_LOGIN_OFFERED);
        // Inside TLS, SecureLogin takes a password: no LOGINDISABLED, AUTH=PLAIN offered.
        assertThat(mechanisms.usableLogins()).contains("LOGIN", "AUTHENTICATE PLAIN");
    }

    @Test
    void aTrustStoreHoldingTheCertificateIsTrustedForTheHostItNames(@TempDir Path dir) throws Exception {
        MailTarget anchored = imaps(new Trust.TrustStore(exportedTrustStore(dir.resolve("exch01.jks"))));

        DualLoginResult dual = new DualLogin(anchored, new CredentialGuard()).run(Targets.credentials(Targets.PASSWORD));

        assertThat(dual.outcome()).as(dual.detail()).isEqualTo(DualLoginResult.Outcome.BOTH_LOGGED_IN);
    }

    @Test
    void aPasswordProtectedPkcs12TrustStoreReadWithoutItSaysSoInsteadOfTrustingNothing(@TempDir Path dir) throws Exception {
        // PKCS12 as the JDK and Windows write it encrypts the certificates with the store's password; read without one,
        // the store opens and holds nothing, and every handshake would fail with "trustAnchors parameter must be non-empty".
        Path file = exportedTrustStore(dir.resolve("exch01.p12"), "PKCS12", "exported-with-one");
        CredentialGuard guard = new CredentialGuard();

        DualLoginResult dual = new DualLogin(imaps(new Trust.TrustStore(file)), guard).run(Targets.credentials(Targets.PASSWORD));

        assertThat(dual.outcome()).isEqualTo(DualLoginResult.Outcome.COULD_NOT_VERIFY);
        assertThat(dual.detail()).contains(file.toString(), "holds no certificate that can be read without a password")
                .doesNotContain("trustAnchors");
        assertThat(guard.withheld(Targets.credentials(Targets.PASSWORD))).isEmpty();
        assertThat(imaps.journal().entries()).isEmpty();
    }

    @Test
    void theJvmsDefaultTrustRefusesASelfSignedCertificateAndNoPasswordIsSent() {
        CredentialGuard guard = new CredentialGuard();
        MailTarget verified = imaps(Trust.jvmDefault());

        DualLoginResult dual = new DualLogin(verified, guard).run(Targets.credentials(Targets.PASSWORD));
        LoginMechanismResult mechanisms = new LoginMechanism(verified, false).probe();

        assertThat(dual.outcome()).isEqualTo(DualLoginResult.Outcome.COULD_NOT_VERIFY);
        assertThat(dual.detail()).contains("TLS certificate not trusted");
        assertThat(guard.withheld(Targets.credentials(Targets.PASSWORD))).isEmpty();
        assertThat(mechanisms.outcome()).isEqualTo(LoginMechanismResult.Outcome.COULD_NOT_VERIFY);
        assertThat(mechanisms.detail()).contains("TLS certificate not trusted");
        // No handshake completed, so the lab read no command at all.
        assertThat(imaps.journal().entries()).isEmpty();
    }

    @Test
    void aWrongPinIsRefused() {
        MailTarget wrongPin = imaps(Trust.pinnedSha256("00".repeat(32)));

        LoginMechanismResult result = new LoginMechanism(wrongPin, false).probe();

        assertThat(result.outcome()).isEqualTo(LoginMechanismResult.Outcome.COULD_NOT_VERIFY);
        assertThat(result.detail()).contains("does not match the pinned fingerprint");
        assertThat(imaps.journal().entries()).isEmpty();
    }

    /**
     * The certificate as an admin exports it for a mail endpoint's {@code trustStore}, which is read
     * without a password: JKS keeps certificates in clear, its store key only guards integrity.
     */
    private Path exportedTrustStore(Path file) throws IOException, GeneralSecurityException {
        return exportedTrustStore(file, "JKS", "integrity-only");
    }

    private Path exportedTrustStore(Path file, String type, String storePassword) throws IOException, GeneralSecurityException {
        KeyStore exported = lab.certificate.trustStore();
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        store.setCertificateEntry("exch01", exported.getCertificate(exported.aliases().nextElement()));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, storePassword.toCharArray());
        }
        return file;
    }
}
