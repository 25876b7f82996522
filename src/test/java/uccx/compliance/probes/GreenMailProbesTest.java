package uccx.compliance.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probes against a real IMAP and SMTP server (GreenMail), plain, on loopback. */
class GreenMailProbesTest {

    private GreenMail greenMail;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.IMAP}));
        greenMail.start();
        greenMail.setUser("uccx@example.com", "uccx", Targets.PASSWORD);
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private MailTarget imap() {
        return Targets.plain(greenMail.getImap().getPort());
    }

    @Test
    void twoSessionsLogInExamineAndLogOut() {
        DualLoginResult result = new DualLogin(imap(), new CredentialGuard()).run(Targets.credentials(Targets.PASSWORD));

        assertThat(result.outcome()).as(result.detail()).isEqualTo(DualLoginResult.Outcome.BOTH_LOGGED_IN);
        assertThat(result.transcript()).contains("--- session 2 ---").contains("EXAMINE INBOX").contains("LOGOUT")
                .doesNotContain(Targets.PASSWORD);
    }

    @Test
    void aWrongPasswordIsRejectedOnceAndNeverSentAgainInTheRun() throws IOException {
        CredentialGuard guard = new CredentialGuard();
        UccxCredentials wrong = Targets.credentials("Wr0ng-Passw0rd");

        DualLoginResult first = new DualLogin(imap(), guard).run(wrong);

        assertThat(first.outcome()).isEqualTo(DualLoginResult.Outcome.CREDENTIALS_REJECTED);
        assertThat(first.serverText()).startsWith("NO ");
        assertThat(first.transcript()).doesNotContain("Wr0ng-Passw0rd");
        assertThat(guard.hasFailed(wrong)).isTrue();

        // A listening port that would see any connection: the later probes must not make one.
        try (ServerSocket watcher = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            MailTarget watched = Targets.plain(watcher.getLocalPort());
            assertThat(new DualLogin(watched, guard).run(wrong).outcome())
                    .isEqualTo(DualLoginResult.Outcome.SKIPPED_PASSWORD_ALREADY_FAILED);
            assertThat(new Capacity(watched, guard, 4, Duration.ofSeconds(5)).run(wrong, 4).outcome())
                    .isEqualTo(CapacityResult.Outcome.SKIPPED_PASSWORD_ALREADY_FAILED);
            watcher.setSoTimeout(200);
            assertThatThrownBy(watcher::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void twentySessionsAtOnce() {
        CapacityResult result = new Capacity(imap(), new CredentialGuard(), 16, Duration.ofSeconds(10))
                .run(Targets.credentials(Targets.PASSWORD), uccx.compliance.environment.Uccx.imapConnectionsNeeded(9));

        assertThat(result.outcome()).as(result.detail()).isEqualTo(CapacityResult.Outcome.ALL_LOGGED_IN);
        assertThat(result.wanted()).isEqualTo(20);
        assertThat(result.succeeded()).isEqualTo(20);
        assertThat(result.firstRejection()).isEmpty();
    }

    @Test
    void capacityStopsAtAWrongPasswordAfterOneLogin() {
        CredentialGuard guard = new CredentialGuard();
        CapacityResult result = new Capacity(imap(), guard, 16, Duration.ofSeconds(10)).run(Targets.credentials("nope"), 20);

        assertThat(result.outcome()).isEqualTo(CapacityResult.Outcome.CREDENTIALS_REJECTED);
        assertThat(result.succeeded()).isZero();
        assertThat(guard.hasFailed(Targets.credentials("nope"))).isTrue();
    }

    @Test
    void smtpAcceptsTheMailboxAndNothingIsDelivered() {
        MailTarget smtp = Targets.plain(greenMail.getSmtp().getPort());

        SmtpResult result = new SmtpPath(smtp, "uccx-compliance.example.com").probe("uccx@example.com");

        assertThat(result.outcome()).as(result.detail()).isEqualTo(SmtpResult.Outcome.RECIPIENT_ACCEPTED);
        assertThat(result.banner()).startsWith("220");
        assertThat(result.replies()).extracting(SmtpReply::command).containsExactly("EHLO uccx-compliance.example.com",
                "MAIL FROM:<uccx@example.com>", "RCPT TO:<uccx@example.com>", "RSET", "QUIT");
        assertThat(result.replies()).extracting(SmtpReply::code).containsExactly(250, 250, 250, 250, 221);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void greenMailOffersAUsableLoginOnThePlainPort() {
        LoginMechanismResult result = new LoginMechanism(imap(), false).probe();

        assertThat(result.outcome()).as(result.detail()).isEqualTo(LoginMechanismResult.Outcome.USABLE_LOGIN_OFFERED);
        assertThat(result.usableLogins()).contains("LOGIN");
        assertThat(result.capabilitiesBefore()).contains("IMAP4REV1");
        assertThat(result.capabilitiesAfterTls()).isEmpty();
    }
}
