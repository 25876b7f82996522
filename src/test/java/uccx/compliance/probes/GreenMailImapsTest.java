package uccx.compliance.probes;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uccx.compliance.environment.ImapSecurity;
import uccx.compliance.tls.Trust;

/**
 * The probes over implicit TLS (IMAPS) against GreenMail's own self-signed certificate. Runs with
 * {@code -Pself-test} only: GreenMail's threads print a stack trace for every TLS handshake these
 * tests make the probes refuse, which would clutter the log of a site's {@code mvn verify}.
 */
@org.junit.jupiter.api.Tag("proof")
class GreenMailImapsTest {

    private GreenMail greenMail;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.IMAPS}));
        greenMail.start();
        greenMail.setUser("uccx@example.com", "uccx", Targets.PASSWORD);
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private MailTarget imaps(Trust trust) {
        return new MailTarget("127.0.0.1", greenMail.getImaps().getPort(), ImapSecurity.SSL, trust, Duration.ofSeconds(2),
                Duration.ofSeconds(3));
    }

    @Test
    void thePinnedCertificateIsTrustedWithoutALab() throws Exception {
        MailTarget pinned = imaps(new Trust.PinnedSha256(greenMailCertificateSha256()));

        DualLoginResult dual = new DualLogin(pinned, new CredentialGuard()).run(Targets.credentials(Targets.PASSWORD));
        LoginMechanismResult mechanisms = new LoginMechanism(pinned, false).probe();

        assertThat(dual.outcome()).as(dual.detail()).isEqualTo(DualLoginResult.Outcome.BOTH_LOGGED_IN);
        assertThat(dual.transcript()).doesNotContain(Targets.PASSWORD);
        assertThat(mechanisms.outcome()).as(mechanisms.detail()).isEqualTo(LoginMechanismResult.Outcome.USABLE_LOGIN_OFFERED);
    }

    @Test
    void theJvmsDefaultTrustRefusesASelfSignedCertificateAndNoPasswordIsSent() {
        CredentialGuard guard = new CredentialGuard();
        MailTarget verified = imaps(new Trust.JvmDefault());

        DualLoginResult dual = new DualLogin(verified, guard).run(Targets.credentials(Targets.PASSWORD));
        LoginMechanismResult mechanisms = new LoginMechanism(verified, false).probe();

        assertThat(dual.outcome()).isEqualTo(DualLoginResult.Outcome.COULD_NOT_VERIFY);
        assertThat(dual.detail()).contains("TLS certificate not trusted");
        assertThat(guard.hasFailed(Targets.credentials(Targets.PASSWORD))).isFalse();
        assertThat(mechanisms.outcome()).isEqualTo(LoginMechanismResult.Outcome.COULD_NOT_VERIFY);
        assertThat(mechanisms.detail()).contains("TLS certificate not trusted");
    }

    @Test
    void aWrongPinIsRefused() {
        MailTarget wrongPin = imaps(new Trust.PinnedSha256("00".repeat(32)));

        LoginMechanismResult result = new LoginMechanism(wrongPin, false).probe();

        assertThat(result.outcome()).isEqualTo(LoginMechanismResult.Outcome.COULD_NOT_VERIFY);
        assertThat(result.detail()).contains("does not match the pinned fingerprint");
    }

    /** GreenMail serves the certificate in the greenmail.p12 on its class path (password changeit). */
    private static String greenMailCertificateSha256() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = GreenMail.class.getClassLoader().getResourceAsStream("greenmail.p12")) {
            store.load(in, "changeit".toCharArray());
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                Certificate certificate = store.getCertificate(alias);
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            }
        }
        throw new IllegalStateException("greenmail.p12 holds no key entry");
    }
}
