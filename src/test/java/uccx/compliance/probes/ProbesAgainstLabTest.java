package uccx.compliance.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uccx.compliance.environment.Uccx;
import uccx.compliance.lab.imap.ImapEndpoint;
import uccx.compliance.lab.imap.ImapJournal;
import uccx.compliance.lab.imap.LoginType;
import uccx.compliance.lab.smtp.SmtpEndpoint;
import uccx.compliance.lab.smtp.SmtpEndpointSettings;
import uccx.compliance.lab.smtp.SmtpJournal;

/**
 * The probes against the lab's Exchange 2010 IMAP4 service and receive connector, plain, on
 * loopback, configured as a site that followed Cisco's checklist.
 */
class ProbesAgainstLabTest {

    private static final String MAILBOX = "uccx@example.com";

    private final LabImap lab = new LabImap();
    private ImapEndpoint imap;
    private SmtpEndpoint smtp;

    @BeforeEach
    void start() throws IOException {
        // The checklist raises MaxConnectionsPerUser and the store's limit above 2 x (agents + 1): 40 holds twenty sessions.
        imap = ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 40, 40));
        smtp = SmtpEndpoint.start(new SmtpEndpointSettings("EXCH01.lab.example.com", "EXCH01\\UCCX Relay", Set.of(MAILBOX),
                OptionalInt.empty(), OptionalInt.empty(), Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        if (imap != null) {
            imap.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    private MailTarget imap() {
        return Targets.plain(imap.port());
    }

    @Test
    void twoSessionsLogInExamineAndLogOut() {
        DualLoginResult result = new DualLogin(imap(), new CredentialGuard()).run(Targets.credentials(Targets.PASSWORD));

        assertThat(result.outcome()).as(result.detail()).isEqualTo(DualLoginResult.Outcome.BOTH_LOGGED_IN);
        assertThat(result.transcript()).contains("--- session 2 ---").contains("EXAMINE INBOX").contains("LOGOUT")
                .doesNotContain(Targets.PASSWORD);
        assertThat(imap.journal().peakSessions(LabImap.ACCOUNT)).isEqualTo(2);
        assertThat(imap.journal().entries()).extracting(ImapJournal.Entry::command).contains("EXAMINE");
        assertThat(imap.journal().writes()).isEmpty();
    }

    @Test
    void aWrongPasswordIsRejectedOnceAndNeverSentAgainInTheRun() throws IOException {
        CredentialGuard guard = new CredentialGuard();
        UccxCredentials wrong = Targets.credentials("Wr0ng-Passw0rd");

        DualLoginResult first = new DualLogin(imap(), guard).run(wrong);

        assertThat(first.outcome()).isEqualTo(DualLoginResult.Outcome.CREDENTIALS_REJECTED);
        assertThat(first.serverText()).isEqualTo("NO AUTHENTICATE failed.");
        assertThat(first.transcript()).doesNotContain("Wr0ng-Passw0rd");
        assertThat(guard.withheld(wrong)).isPresent();
        assertThat(imap.journal().failedLogins()).isEqualTo(1);

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
                .run(Targets.credentials(Targets.PASSWORD), Uccx.imapConnectionsNeeded(9));

        assertThat(result.outcome()).as(result.detail()).isEqualTo(CapacityResult.Outcome.ALL_LOGGED_IN);
        assertThat(result.wanted()).isEqualTo(20);
        assertThat(result.succeeded()).isEqualTo(20);
        assertThat(result.firstRejection()).isEmpty();
        assertThat(imap.journal().peakSessions(LabImap.ACCOUNT)).isEqualTo(20);
    }

    @Test
    void capacityStopsAtAWrongPasswordAfterOneLogin() {
        CredentialGuard guard = new CredentialGuard();
        CapacityResult result = new Capacity(imap(), guard, 16, Duration.ofSeconds(10)).run(Targets.credentials("nope"), 20);

        assertThat(result.outcome()).isEqualTo(CapacityResult.Outcome.CREDENTIALS_REJECTED);
        assertThat(result.succeeded()).isZero();
        assertThat(guard.withheld(Targets.credentials("nope"))).isPresent();
        // One wrong password reached Active Directory, not one per thread: a lockout counts them.
        assertThat(imap.journal().failedLogins()).isEqualTo(1);
        assertThat(LabImap.sessionsSeen(imap)).isEqualTo(1);
    }

    @Test
    void smtpAcceptsTheMailboxAndNothingIsDelivered() {
        MailTarget connector = Targets.plain(smtp.port());

        SmtpResult result = new SmtpPath(connector, "uccx-compliance.example.com").probe(MAILBOX);

        assertThat(result.outcome()).as(result.detail()).isEqualTo(SmtpResult.Outcome.RECIPIENT_ACCEPTED);
        assertThat(result.banner()).startsWith("220 EXCH01.lab.example.com Microsoft ESMTP MAIL Service ready");
        assertThat(result.replies()).extracting(SmtpReply::command).containsExactly("EHLO uccx-compliance.example.com",
                "MAIL FROM:<uccx@example.com>", "RCPT TO:<uccx@example.com>", "RSET", "QUIT");
        assertThat(result.replies()).extracting(SmtpReply::code).containsExactly(250, 250, 250, 250, 221);
        assertThat(smtp.journal().entries()).extracting(SmtpJournal.Entry::verb).containsExactly("EHLO", "MAIL", "RCPT", "RSET", "QUIT");
        assertThat(smtp.journal().dataAttempts()).isZero();
    }

    @Test
    void plainTextLoginOffersAUsableLoginOnThePlainPort() {
        LoginMechanismResult result = new LoginMechanism(imap(), false).probe();

        assertThat(result.outcome()).as(result.detail()).isEqualTo(LoginMechanismResult.Outcome.USABLE_LOGIN_OFFERED);
        assertThat(result.usableLogins()).containsExactly("LOGIN", "AUTHENTICATE PLAIN");
        assertThat(result.capabilitiesBefore()).contains("IMAP4REV1", "AUTH=PLAIN");
        assertThat(result.capabilitiesAfterTls()).isEmpty();
        assertThat(imap.journal().successfulLogins() + imap.journal().failedLogins()).isZero();
    }
}
