package uccx.compliance.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import uccx.compliance.lab.imap.ImapEndpoint;
import uccx.compliance.lab.imap.ImapJournal;
import uccx.compliance.lab.imap.LoginType;

/** The answers only Exchange gives, from the lab's Exchange 2010 IMAP4 service under the settings that cause them. */
class ExchangeAnswersTest {

    private final LabImap lab = new LabImap();

    @Test
    void aSecondLoginRefusedWhileTheFirstIsHeldIsThePerUserLimit() throws IOException {
        CredentialGuard guard = new CredentialGuard();
        try (ImapEndpoint exchange = ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 1, 16))) {
            DualLoginResult result = new DualLogin(Targets.plain(exchange.port()), guard).run(Targets.credentials(Targets.PASSWORD));

            assertThat(result.outcome()).as(result.detail()).isEqualTo(DualLoginResult.Outcome.PER_USER_LIMIT);
            assertThat(result.serverText()).isEqualTo("NO AUTHENTICATE failed.");
            assertThat(result.detail()).contains("\"NO AUTHENTICATE failed.\"");
            assertThat(result.transcript()).doesNotContain(Targets.PASSWORD).contains(LabImap.GREETING);
            assertThat(LabImap.sessionsSeen(exchange)).isEqualTo(2);
            // Refused by MaxConnectionsPerUser, in the words of a wrong password: the lab counts no failed login.
            assertThat(exchange.journal().failedLogins()).isZero();
            assertThat(exchange.journal().successfulLogins()).isEqualTo(1);
        }
        // The password was right, the first login proved it: it stays accepted and is not remembered as refused,
        // but no further login is sent in this run, since a refused login is never followed by another.
        assertThat(guard.standing(Targets.credentials(Targets.PASSWORD)).state()).isEqualTo(CredentialGuard.State.ACCEPTED);
        assertThat(guard.withheld(Targets.credentials(Targets.PASSWORD))).get()
                .extracting(CredentialGuard.Withheld::detail).asString().contains("a limit");
    }

    @Test
    void serverUnavailable15IsTheStoreSessionLimit() throws IOException {
        try (ImapEndpoint exchange = ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 16, 1))) {
            DualLoginResult result = new DualLogin(Targets.plain(exchange.port()), new CredentialGuard())
                    .run(Targets.credentials(Targets.PASSWORD));

            assertThat(result.outcome()).as(result.detail()).isEqualTo(DualLoginResult.Outcome.STORE_SESSION_LIMIT);
            assertThat(result.serverText()).isEqualTo("NO Server Unavailable. 15");
        }
    }

    @Test
    void capacityReportsHowManyLoggedInBeforeTheLimit() throws IOException {
        try (ImapEndpoint exchange = ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 5, 16))) {
            CapacityResult result = new Capacity(Targets.plain(exchange.port()), new CredentialGuard(), 4, Duration.ofSeconds(10))
                    .run(Targets.credentials(Targets.PASSWORD), 12);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(CapacityResult.Outcome.LIMIT_REACHED);
            assertThat(result.succeeded()).isEqualTo(5);
            assertThat(result.firstRejection()).contains("NO AUTHENTICATE failed.");
            assertThat(result.detail()).contains("5 of 12");
            assertThat(exchange.journal().peakSessions(LabImap.ACCOUNT)).isEqualTo(5);
        }
    }

    @Test
    void loginDisabledWithoutStartTlsUnderSecurityNoneBlocksPlainLogin() throws IOException {
        // SecureLogin, Exchange 2010's default: LOGINDISABLED and STARTTLS in clear, AUTH=NTLM from SP1 on.
        try (ImapEndpoint exchange = ImapEndpoint.start(lab.settings(LoginType.SecureLogin, 16, 16))) {
            LoginMechanismResult rtm = new LoginMechanism(Targets.plain(exchange.port()), false).probe();

            assertThat(rtm.outcome()).isEqualTo(LoginMechanismResult.Outcome.NO_USABLE_LOGIN);
            assertThat(rtm.greeting()).isEqualTo(LabImap.GREETING);
            assertThat(rtm.capabilitiesBefore()).contains("LOGINDISABLED", "STARTTLS", "AUTH=NTLM");
            assertThat(rtm.detail()).contains("LOGINDISABLED without STARTTLS under security: none blocks plain LOGIN")
                    .contains("Exchange 2010 RTM has no IMAP NTLM");

            LoginMechanismResult sp1 = new LoginMechanism(Targets.plain(exchange.port()), true).probe();
            assertThat(sp1.outcome()).isEqualTo(LoginMechanismResult.Outcome.USABLE_LOGIN_OFFERED);
            assertThat(sp1.usableLogins()).containsExactly("AUTHENTICATE NTLM");

            // The probe only asks: CAPABILITY and LOGOUT, no login of any kind.
            assertThat(exchange.journal().entries()).extracting(ImapJournal.Entry::command).containsOnly("CAPABILITY", "LOGOUT");
        }
    }
}
